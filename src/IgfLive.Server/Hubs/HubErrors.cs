using IgfLive.Core.Sessions;

namespace IgfLive.Server.Hubs;

/// <summary>
/// Stable error codes, the same on the hub (a reply's <c>error.code</c>) and over HTTP (a problem's
/// <c>code</c>). Clients act on the code; the message is for people.
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
    public const string InternalError = "internal_error";

    public static HubRefusalException Refused(string code, string message) => new(code, message);

    public static HubRefusalException Refused(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new(CodeOf(rejection.Code), rejection.Message);
    }

    public static string CodeOf(RejectionCode code) => code switch
    {
        RejectionCode.InvalidInput => InvalidInput,
        RejectionCode.NotFound => NotFound,
        RejectionCode.IllegalTransition => IllegalTransition,
        RejectionCode.Forbidden => Forbidden,
        RejectionCode.Unauthorized => Unauthorized,
        RejectionCode.QuestionsClosed => QuestionsClosed,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "A rejection code without a wire code."),
    };
}
