using System.Reactive;

namespace Microsoft.Reactive.Testing;

/// <summary>
/// An expected notification that matches an actual one by predicate. It is only an expectation: it cannot be
/// delivered to an observer, and equality is decided by <c>expected.Equals(actual)</c>.
/// </summary>
internal abstract class PredicateNotification<T> : Notification<T>
{
    public override T Value => throw new NotSupportedException("A predicate notification carries no value.");

    public override bool HasValue => false;

    public override Exception? Exception => null;

    public override void Accept(IObserver<T> observer) => throw new NotSupportedException("A predicate notification cannot be delivered.");

    public override TResult Accept<TResult>(IObserver<T, TResult> observer) => throw new NotSupportedException("A predicate notification cannot be delivered.");

    public override void Accept(Action<T> onNext, Action<Exception> onError, Action onCompleted) => throw new NotSupportedException("A predicate notification cannot be delivered.");

    public override TResult Accept<TResult>(Func<T, TResult> onNext, Func<Exception, TResult> onError, Func<TResult> onCompleted) => throw new NotSupportedException("A predicate notification cannot be delivered.");

    public override bool Equals(object? obj) => obj is Notification<T> other && Equals(other);

    // NB: predicates cannot be hashed consistently with the notifications they match; a constant keeps Equals valid.
    public override int GetHashCode() => (int)Kind;
}
