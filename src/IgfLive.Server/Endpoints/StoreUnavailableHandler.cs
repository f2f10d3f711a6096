using IgfLive.Server.Sessions;
using IgfLive.Server.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace IgfLive.Server.Endpoints;

/// <summary>
/// An HTTP request that needed the store while it was unreachable gets 503 with the same
/// <c>store_unavailable</c> code the hub uses, and a hint of when to try again; any other failure
/// is left to the default handler (500).
/// </summary>
public sealed partial class StoreUnavailableHandler(ILogger<StoreUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not (SessionUnavailableException or StoreUnavailableException))
        {
            return false;
        }
        Log.StoreUnavailable(logger, httpContext.Request.Path);
        httpContext.Response.Headers.RetryAfter = "2";
        await Problems.Of(StatusCodes.Status503ServiceUnavailable, Hubs.HubErrors.StoreUnavailable, exception.Message).ExecuteAsync(httpContext);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Request to {Path} refused: the session store is unavailable")]
        public static partial void StoreUnavailable(ILogger logger, string path);
    }
}
