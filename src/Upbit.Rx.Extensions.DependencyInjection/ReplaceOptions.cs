using System.Reflection;
using Microsoft.Extensions.Options;

namespace Upbit.Rx.Extensions.DependencyInjection;

/// <summary>
/// Lets code change the immutable <see cref="UpbitClientOptions"/> record inside the options pipeline: the user's
/// function returns a changed copy (<c>o with { … }</c>), and its settable properties are copied back onto the
/// instance the pipeline owns, so binding, later configuration and validation still see one instance.
/// </summary>
internal sealed class ReplaceOptions(Func<UpbitClientOptions, UpbitClientOptions> configure) : IConfigureOptions<UpbitClientOptions>
{
    private static readonly PropertyInfo[] Settable =
        [.. typeof(UpbitClientOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)];

    public void Configure(UpbitClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var changed = configure(options) ?? throw new InvalidOperationException("The AddUpbitRx configure function returned null; return the options, e.g. o => o with { Linger = TimeSpan.FromSeconds(30) }.");
        foreach (var property in Settable)
        {
            // NB: init-only setters are ordinary setters to reflection; this is how the configuration binder fills the record too.
            property.SetValue(options, property.GetValue(changed));
        }
    }
}
