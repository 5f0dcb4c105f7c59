using System.Reactive;

namespace Microsoft.Reactive.Testing;

/// <summary>An observer that records every notification it receives with the virtual time of arrival.</summary>
/// <typeparam name="T">The element type.</typeparam>
public interface ITestableObserver<T> : IObserver<T>
{
    /// <summary>Gets the notifications received so far, in arrival order.</summary>
    IList<Recorded<Notification<T>>> Messages { get; }
}
