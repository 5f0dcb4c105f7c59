namespace Upbit.Rx.Testing.Rest;

/// <summary>A request Upbit would reject: becomes <c>{"error":{"name":status,"message":…}}</c> with that status
/// (quotation errors carry the status as an integer <c>name</c>).</summary>
internal sealed class RestProblem(int status, string message) : Exception(message)
{
    public int Status => status;

    public static RestProblem InvalidValue() => new(400, "Invalid parameter. Check the given value!");

    public static RestProblem Missing() => new(400, "Missing request parameter error. Check the required parameters!");

    public static RestProblem TypeMismatch() => new(400, "Type mismatch error. Check the parameters type!");

    public static RestProblem CodeNotFound() => new(404, "Code not found");

    public static RestProblem NoSuchPath() => new(404, "Not found");
}
