using System.Globalization;
using System.Reactive.Linq;

namespace Microsoft.Reactive.Testing;

/// <summary>
/// Test-framework-neutral assertions. Failures throw <see cref="InvalidOperationException"/> with both sequences in the
/// message. Elements are compared as <c>expected.Equals(actual)</c>, so predicate expectations from
/// <see cref="ReactiveTest"/> match.
/// </summary>
public static class ReactiveAssert
{
    /// <summary>Asserts that both sequences hold equal elements in the same order.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="expected">The expected elements.</param>
    /// <param name="actual">The actual elements.</param>
    public static void AreElementsEqual<T>(IEnumerable<T> expected, IEnumerable<T> actual) => AreElementsEqual(expected, actual, null);

    /// <summary>Asserts that both sequences hold equal elements in the same order.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="expected">The expected elements.</param>
    /// <param name="actual">The actual elements.</param>
    /// <param name="message">Prefix for the failure message.</param>
    /// <exception cref="ArgumentNullException">A sequence is null.</exception>
    public static void AreElementsEqual<T>(IEnumerable<T> expected, IEnumerable<T> actual, string? message)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var e = expected.ToList();
        var a = actual.ToList();
        if (!e.SequenceEqual(a))
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.CurrentCulture,
                "{0}Expected: [{1}]{2}Actual:   [{3}]",
                message is null ? string.Empty : message + Environment.NewLine,
                string.Join(", ", e),
                Environment.NewLine,
                string.Join(", ", a)));
        }
    }

    /// <summary>Asserts that two finite observables produce equal elements in the same order (waits for both to end).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="expected">The expected sequence.</param>
    /// <param name="actual">The actual sequence.</param>
    public static void AreElementsEqual<T>(IObservable<T> expected, IObservable<T> actual) => AreElementsEqual(expected, actual, null);

    /// <summary>Asserts that two finite observables produce equal notifications in the same order (waits for both to end).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="expected">The expected sequence.</param>
    /// <param name="actual">The actual sequence.</param>
    /// <param name="message">Prefix for the failure message.</param>
    /// <exception cref="ArgumentNullException">A sequence is null.</exception>
    public static void AreElementsEqual<T>(IObservable<T> expected, IObservable<T> actual, string? message)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        AreElementsEqual(expected.Materialize().ToEnumerable(), actual.Materialize().ToEnumerable(), message);
    }

    /// <summary>Extension form of <see cref="AreElementsEqual{T}(IObservable{T}, IObservable{T})"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="actual">The actual sequence.</param>
    /// <param name="expected">The expected sequence.</param>
    public static void AssertEqual<T>(this IObservable<T> actual, IObservable<T> expected) => AreElementsEqual(expected, actual);

    /// <summary>Extension form of <see cref="AreElementsEqual{T}(IEnumerable{T}, IEnumerable{T})"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="actual">The actual elements.</param>
    /// <param name="expected">The expected elements.</param>
    public static void AssertEqual<T>(this IEnumerable<T> actual, IEnumerable<T> expected) => AreElementsEqual(expected, actual);

    /// <summary>Extension form of <see cref="AreElementsEqual{T}(IEnumerable{T}, IEnumerable{T})"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="actual">The actual elements.</param>
    /// <param name="expected">The expected elements.</param>
    public static void AssertEqual<T>(this IEnumerable<T> actual, params T[] expected) => AreElementsEqual(expected, actual);

    /// <summary>Asserts that <paramref name="action"/> throws <typeparamref name="TException"/> or a subtype.</summary>
    /// <typeparam name="TException">The expected exception type.</typeparam>
    /// <param name="action">The action.</param>
    public static void Throws<TException>(Action action)
        where TException : Exception => Throws<TException>(action, null);

    /// <summary>Asserts that <paramref name="action"/> throws <typeparamref name="TException"/> or a subtype.</summary>
    /// <typeparam name="TException">The expected exception type.</typeparam>
    /// <param name="action">The action.</param>
    /// <param name="message">Prefix for the failure message.</param>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is null.</exception>
    public static void Throws<TException>(Action action, string? message)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(action);
        Exception? thrown = null;
        try
        {
            action();
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        if (thrown is not TException)
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.CurrentCulture,
                "{0}Expected {1} but got {2}.",
                message is null ? string.Empty : message + " ",
                typeof(TException).Name,
                thrown is null ? "no exception" : thrown.GetType().Name + ": " + thrown.Message));
        }
    }

    /// <summary>Asserts that <paramref name="action"/> throws <paramref name="exception"/> itself.</summary>
    /// <typeparam name="TException">The expected exception type.</typeparam>
    /// <param name="exception">The exact instance expected.</param>
    /// <param name="action">The action.</param>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is null.</exception>
    public static void Throws<TException>(TException exception, Action action)
        where TException : Exception => Throws(exception, action, null);

    /// <summary>Asserts that <paramref name="action"/> throws <paramref name="exception"/> itself.</summary>
    /// <typeparam name="TException">The expected exception type.</typeparam>
    /// <param name="exception">The exact instance expected.</param>
    /// <param name="action">The action.</param>
    /// <param name="message">Prefix for the failure message.</param>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is null.</exception>
    public static void Throws<TException>(TException exception, Action action, string? message)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(action);
        Exception? thrown = null;
        try
        {
            action();
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        if (!ReferenceEquals(thrown, exception))
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.CurrentCulture,
                "{0}Expected the given {1} instance to be thrown, but got {2}.",
                message is null ? string.Empty : message + " ",
                typeof(TException).Name,
                thrown is null ? "no exception" : thrown.GetType().Name + ": " + thrown.Message));
        }
    }
}
