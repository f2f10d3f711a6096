using IgfLive.Core.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Hubs;

/// <summary>
/// Stable error codes. A hub error reaches the client as "code: message", since a HubException
/// carries only its message; clients split on the first colon.
/// </summary>
public static class HubErrors
{
    public const string InvalidInput = "invalid_input";
    public const string NotFound = "not_found";
    public const string IllegalTransition = "illegal_transition";
    public const string Forbidden = "forbidden";
    public const string Unauthorized = "unauthorized";
    public const string WrongRole = "wrong_role";
    public const string NotJoined = "not_joined";
    public const string RateLimited = "rate_limited";
    public const string Conflict = "conflict";
    public const string StoreUnavailable = "store_unavailable";
    public const string QuestionsClosed = "questions_closed";

    public static HubException Create(string code, string message) => new($"{code}: {message}");

    public static string CodeOf(RejectionCode code) => code switch
    {
        RejectionCode.InvalidInput => InvalidInput,
        RejectionCode.NotFound => NotFound,
        RejectionCode.IllegalTransition => IllegalTransition,
        RejectionCode.Unauthorized => Unauthorized,
        RejectionCode.QuestionsClosed => QuestionsClosed,
        _ => Forbidden,
    };
}
