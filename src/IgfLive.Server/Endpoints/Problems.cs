using IgfLive.Core.Sessions;
using IgfLive.Server.Hubs;

namespace IgfLive.Server.Endpoints;

/// <summary>HTTP errors as RFC 9457 problem details with the same stable codes as the hub.</summary>
public static class Problems
{
    public static IResult Of(int status, string code, string detail, IEnumerable<string>? errors = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (errors is not null)
        {
            extensions["errors"] = errors.ToArray();
        }
        return TypedResults.Problem(detail: detail, statusCode: status, title: code.Replace('_', ' '), extensions: extensions);
    }

    /// <summary>A problem with members of its own beside the code (the position of a bad line, a preview…).</summary>
    public static IResult Of(int status, string code, string detail, IReadOnlyDictionary<string, object?> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var extensions = new Dictionary<string, object?>(members) { ["code"] = code };
        return TypedResults.Problem(detail: detail, statusCode: status, title: code.Replace('_', ' '), extensions: extensions);
    }

    public static IResult NotFound(string sessionId) => Of(StatusCodes.Status404NotFound, "not_found", $"There is no session {sessionId}.");

    public static IResult Unauthorized(string detail) => Of(StatusCodes.Status401Unauthorized, "unauthorized", detail);

    /// <summary>A command the session refused, with the hub's code for it and the status that says the same in HTTP.</summary>
    public static IResult Refused(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var status = rejection.Code switch
        {
            RejectionCode.InvalidInput => StatusCodes.Status400BadRequest,
            RejectionCode.NotFound => StatusCodes.Status404NotFound,
            RejectionCode.Unauthorized => StatusCodes.Status401Unauthorized,
            RejectionCode.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        };
        return Of(status, HubErrors.CodeOf(rejection.Code), rejection.Message);
    }
}
