using Microsoft.AspNetCore.Http.Features;

namespace Upbit.Rx.Server;

/// <summary>Wraps the server's HTTP upgrade so the upgraded stream is a <see cref="TrafficStream"/>. Installed by a
/// middleware in front of the WebSocket middleware, which captures the upgrade feature it finds.</summary>
internal sealed class ObservedUpgradeFeature(IHttpUpgradeFeature inner) : IHttpUpgradeFeature
{
    public TrafficStream? Stream { get; private set; }

    public bool IsUpgradableRequest => inner.IsUpgradableRequest;

    public async Task<Stream> UpgradeAsync()
    {
        Stream = new TrafficStream(await inner.UpgradeAsync());
        return Stream;
    }
}
