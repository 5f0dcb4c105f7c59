namespace Upbit.Rx.Connection;

internal sealed partial class ClientSignals
{
    private long _frames;
    private long _bytes;
    private long _messages;
    private long _malformed;
    private long _subscriberFaults;
    private long _serverErrors;
    private long _reconnects;
    private long _requests;

    public long Frames => Interlocked.Read(ref _frames);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Messages => Interlocked.Read(ref _messages);

    public long Malformed => Interlocked.Read(ref _malformed);

    public long SubscriberFaults => Interlocked.Read(ref _subscriberFaults);

    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    public long Reconnects => Interlocked.Read(ref _reconnects);

    public long Requests => Interlocked.Read(ref _requests);

    public void FrameReceived(int bytes)
    {
        Interlocked.Increment(ref _frames);
        Interlocked.Add(ref _bytes, bytes);
    }

    public void MessageRouted() => Interlocked.Increment(ref _messages);

    public void RequestSent() => Interlocked.Increment(ref _requests);

    private void Count(UpbitErrorKind kind)
    {
        switch (kind)
        {
            case UpbitErrorKind.MalformedFrame:
                Interlocked.Increment(ref _malformed);
                break;
            case UpbitErrorKind.SubscriberFault:
                Interlocked.Increment(ref _subscriberFaults);
                break;
            case UpbitErrorKind.ServerError:
                Interlocked.Increment(ref _serverErrors);
                break;
        }
    }
}
