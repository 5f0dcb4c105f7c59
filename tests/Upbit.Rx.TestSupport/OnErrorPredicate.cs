using System.Reactive;

namespace Microsoft.Reactive.Testing;

/// <summary>Matches any OnError notification whose exception satisfies the predicate.</summary>
internal sealed class OnErrorPredicate<T>(Func<Exception, bool> predicate) : PredicateNotification<T>
{
    public override NotificationKind Kind => NotificationKind.OnError;

    public override bool Equals(Notification<T>? other) =>
        ReferenceEquals(this, other) || (other is not null && other.Kind == NotificationKind.OnError && other.Exception is not null && predicate(other.Exception));

    public override string ToString() => "OnError(<predicate>)";
}
