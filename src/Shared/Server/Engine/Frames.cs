using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>
/// The bytes of every frame a session sends, written by the library's public <see cref="UpbitEncoder"/> (one name table for
/// client and fake). Data follows the connection's format; the list formats wrap each data message in an array of
/// one (or a batch, see <see cref="EngineOptions.ListFormatBatchSize"/>). Control frames (status, error, LIST_SUBSCRIPTIONS reply) are never wrapped; errors and status are always in
/// their one observed form, and the LIST reply uses the abbreviated keys under the SIMPLE formats.
/// </summary>
internal static class Frames
{
    public static byte[] Status { get; } = UpbitEncoder.EncodeUtf8(new ServerStatus { Status = "UP" }, WireFormat.Default);

    public static byte[] Data(UpbitMessage message, WireFormat format) => UpbitEncoder.EncodeUtf8(message, format);

    /// <summary>Several data messages in one list-format frame.</summary>
    public static byte[] Data(IReadOnlyList<UpbitMessage> messages, WireFormat format) => UpbitEncoder.EncodeUtf8(messages, format);

    public static byte[] Error(ServerError error) => UpbitEncoder.EncodeUtf8(error, WireFormat.Default);

    public static byte[] Subscriptions(IReadOnlyList<TypeSubscription> subscriptions, string ticket, WireFormat format)
    {
        var entries = subscriptions.Select(s => new SubscriptionListEntry
        {
            Type = s.TypeName,
            Codes = s.Type == DataType.MyAsset ? null : s.Codes,
            Level = s.Type == DataType.Orderbook ? s.Level : null,
        }).ToList();
        var plain = format is WireFormat.Simple or WireFormat.SimpleList ? WireFormat.Simple : WireFormat.Default;
        return UpbitEncoder.EncodeUtf8(new SubscriptionList { Ticket = ticket, Entries = entries }, plain);
    }
}
