using Microsoft.Extensions.Options;

namespace Upbit.Rx.Extensions.DependencyInjection;

/// <summary>
/// Runs <see cref="UpbitClientOptions.Validate"/> for the options pipeline, so <c>ValidateOnStart</c> stops the host
/// with the option's own message (which never contains credentials) instead of failing at the first subscription.
/// </summary>
internal sealed class UpbitClientOptionsValidator : IValidateOptions<UpbitClientOptions>
{
    public ValidateOptionsResult Validate(string? name, UpbitClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException error)
        {
            return ValidateOptionsResult.Fail(error.Message);
        }
    }
}
