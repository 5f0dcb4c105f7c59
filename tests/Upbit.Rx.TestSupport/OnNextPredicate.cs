using System.Reactive;

namespace Microsoft.Reactive.Testing;

/// <summary>Matches any OnNext notification whose value satisfies the predicate.</summary>
internal sealed class OnNextPredicate<T>(Func<T, bool> predicate) : PredicateNotification<T>
{
    public override NotificationKind Kind => NotificationKind.OnNext;

    public override bool Equals(Notification<T>? other) =>
        ReferenceEquals(this, other) || (other is not null && other.Kind == NotificationKind.OnNext && other is not PredicateNotification<T> && predicate(other.Value));

    public override string ToString() => "OnNext(<predicate>)";
}
