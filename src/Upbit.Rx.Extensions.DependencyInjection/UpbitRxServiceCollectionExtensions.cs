using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upbit.Rx;
using Upbit.Rx.Extensions.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers one <see cref="UpbitClient"/> per container. Its <see cref="UpbitClientOptions"/> are bound from
/// configuration (section <see cref="SectionName"/> unless another is given), optionally changed in code, and validated
/// when the host starts; the host's <see cref="ILoggerFactory"/> and <see cref="IMeterFactory"/> are used unless the
/// options name their own; the container disposes the client.
/// </summary>
public static class UpbitRxServiceCollectionExtensions
{
    /// <summary>The configuration section <see cref="AddUpbitRx(IServiceCollection)"/> binds: <c>"Upbit"</c>.</summary>
    public const string SectionName = "Upbit";

    /// <summary>
    /// Registers a singleton <see cref="UpbitClient"/> whose options are bound from the container's
    /// <see cref="IConfiguration"/> section <c>"Upbit"</c> (appsettings.json, user secrets, environment variables such
    /// as <c>Upbit__Credentials__SecretKey</c>) and validated at start.
    /// </summary>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddUpbitRx(this IServiceCollection services) =>
        services.AddUpbitRx(configure: null);

    /// <summary>
    /// As <see cref="AddUpbitRx(IServiceCollection)"/>, then applies <paramref name="configure"/> to the bound options,
    /// e.g. <c>o =&gt; o with { Linger = TimeSpan.FromSeconds(30) }</c> (the options are an immutable record).
    /// </summary>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddUpbitRx(this IServiceCollection services, Func<UpbitClientOptions, UpbitClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<UpbitClientOptions>().BindConfiguration(SectionName);
        return Register(services, builder, configure);
    }

    /// <summary>
    /// Registers a singleton <see cref="UpbitClient"/> whose options are bound from <paramref name="configuration"/> (a
    /// section such as <c>builder.Configuration.GetSection("Upbit")</c>), then changed by <paramref name="configure"/>,
    /// and validated at start.
    /// </summary>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static IServiceCollection AddUpbitRx(this IServiceCollection services, IConfiguration configuration, Func<UpbitClientOptions, UpbitClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddOptions<UpbitClientOptions>().Bind(configuration);
        return Register(services, builder, configure);
    }

    private static IServiceCollection Register(IServiceCollection services, OptionsBuilder<UpbitClientOptions> builder, Func<UpbitClientOptions, UpbitClientOptions>? configure)
    {
        if (configure is not null)
        {
            services.AddSingleton<IConfigureOptions<UpbitClientOptions>>(new ReplaceOptions(configure));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UpbitClientOptions>, UpbitClientOptionsValidator>());
        builder.ValidateOnStart();
        services.TryAddSingleton(CreateClient);
        return services;
    }

    private static UpbitClient CreateClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<UpbitClientOptions>>().Value;
        return new UpbitClient(options with
        {
            LoggerFactory = options.LoggerFactory ?? services.GetService<ILoggerFactory>(),
            MeterFactory = options.MeterFactory ?? services.GetService<IMeterFactory>(),
        });
    }
}
