namespace Upbit.Rx.Server;

/// <summary>
/// What the engine reports to its host as it happens: upgrades judged, connections opened and closed, text frames
/// received. Calls may arrive from several threads at once and never under an engine lock; the host keeps (bounded)
/// logs or counters as it needs.
/// </summary>
internal interface IExchangeObserver
{
    /// <summary>An upgrade request for <paramref name="path"/> was answered with <paramref name="status"/>.</summary>
    void OnUpgrade(long ticks, string path, int status);

    /// <summary>Connection <paramref name="id"/> opened on <paramref name="path"/>.</summary>
    void OnOpened(int id, string path, long ticks);

    /// <summary>Connection <paramref name="id"/> sent the text frame <paramref name="text"/>.</summary>
    void OnRequest(long ticks, int id, string text);

    /// <summary>Connection <paramref name="id"/> ended with <paramref name="closeCode"/>.</summary>
    void OnClosed(int id, long ticks, int closeCode);
}
