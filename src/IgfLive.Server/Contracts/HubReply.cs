namespace IgfLive.Server.Contracts;

/// <summary>
/// What every hub method answers: <c>{"value": …, "error": null}</c> when it did what was asked,
/// <c>{"value": null, "error": {"code", "message"}}</c> when it refused. A refusal is data the
/// client reads as a field, not an exception whose text it would have to take apart.
/// </summary>
public sealed record HubReply<T>(T? Value, HubError? Error);

/// <summary>A refusal: a stable code (see docs/protocol.md, Errors) and a message in English for people.</summary>
public sealed record HubError(string Code, string Message);

public static class HubReply
{
    public static HubReply<T> Ok<T>(T value) => new(value, null);

    /// <summary>A refusal carries no value, so this one type serves the refusals of every method alike on the wire.</summary>
    public static HubReply<object> Refused(string code, string message) => new(null, new HubError(code, message));
}
