using System.Threading.RateLimiting;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Hosting;
using IgfLive.Server.Sessions;
using IgfLive.Server.Storage;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Serilog.Context;

namespace IgfLive.Server.Hubs;

/// <summary>
/// Cross-cutting hub concerns in one place: log context (session and connection ids), a flood
/// guard on every call, per-participant limits on asking and voting, connection metrics, and the
/// one place where a refusal becomes the reply the client reads (<see cref="HubReply"/>).
/// SignalR's own failures to bind a call (unknown method, missing or mistyped argument) happen
/// before any filter runs and stay SignalR's error completions.
/// </summary>
public sealed partial class HubGuardFilter : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _calls;
    private readonly PartitionedRateLimiter<string> _questions;
    private readonly PartitionedRateLimiter<string> _votes;
    private readonly IgfLiveMetrics _metrics;
    private readonly ILogger<HubGuardFilter> _logger;

    public HubGuardFilter(IOptions<LimitsOptions> options, IgfLiveMetrics metrics, ILogger<HubGuardFilter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        _metrics = metrics;
        _logger = logger;
        _calls = PerKey(limits.CallsPerSecond, TimeSpan.FromSeconds(1));
        _questions = PerKey(limits.QuestionsPerMinute, TimeSpan.FromMinutes(1));
        _votes = PerKey(limits.VotesPerMinute, TimeSpan.FromMinutes(1));
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var context = invocationContext.Context;
        var caller = ConnectionState.Of(context);
        using var _ = LogContext.PushProperty("ConnectionId", context.ConnectionId);
        using var __ = LogContext.PushProperty("SessionId", caller?.SessionId);

        var method = invocationContext.HubMethodName;
        try
        {
            Acquire(_calls, context.ConnectionId, "You are sending commands too fast; slow down.");
            if (caller is { Role: SessionRole.Participant, ParticipantId: { } participant })
            {
                var key = $"{caller.SessionId}:{participant}";
                if (method == nameof(SessionHub.SubmitQuestion))
                {
                    Acquire(_questions, key, "You have asked several questions in the last minute; please wait a moment before asking another.");
                }
                else if (method is nameof(SessionHub.VoteQuestion) or nameof(SessionHub.UnvoteQuestion))
                {
                    Acquire(_votes, key, "You are voting too fast; slow down.");
                }
            }
            return await next(invocationContext);
        }
        catch (HubRefusalException refusal)
        {
            return HubReply.Refused(refusal.Code, refusal.Message);
        }
        catch (Exception ex) when (ex is SessionUnavailableException or StoreUnavailableException)
        {
            // Our own words: whether anything was recorded, and to try again.
            return HubReply.Refused(HubErrors.StoreUnavailable, ex.Message);
        }
        catch (Exception ex) when (!context.ConnectionAborted.IsCancellationRequested)
        {
            // Logged in full here; the caller learns only that it failed, never the exception's text.
            Log.Failed(_logger, ex, method);
            return HubReply.Refused(HubErrors.InternalError, "Something went wrong on the server; check whether this went through before trying again.");
        }
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        _metrics.ConnectionOpened();
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        _metrics.ConnectionClosed();
        return next(context, exception);
    }

    public void Dispose()
    {
        _calls.Dispose();
        _questions.Dispose();
        _votes.Dispose();
    }

    private void Acquire(PartitionedRateLimiter<string> limiter, string key, string message)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            Log.RateLimited(_logger, key);
            throw HubErrors.Refused(HubErrors.RateLimited, message);
        }
    }

    private static PartitionedRateLimiter<string> PerKey(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = permits,
            ReplenishmentPeriod = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private static partial class Log
    {
        [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Rate limit hit for {Key}")]
        public static partial void RateLimited(ILogger logger, string key);

        [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "Hub method {Method} failed")]
        public static partial void Failed(ILogger logger, Exception exception, string method);
    }
}
