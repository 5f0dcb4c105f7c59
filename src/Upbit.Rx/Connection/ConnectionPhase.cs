namespace Upbit.Rx.Connection;

/// <summary>The supervisor's own view of a connection; <see cref="ConnectionStatus"/> is what users see.</summary>
internal enum ConnectionPhase
{
    Idle,
    Connecting,
    Open,
    WaitingToRetry,
    Disposed,
}
