using System.Diagnostics;
using IgfLive.Core.Sessions;
using IgfLive.Server.Access;
using IgfLive.Server.Contracts;
using IgfLive.Server.Hosting;
using IgfLive.Server.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Hubs;

/// <summary>
/// What the hub delegates to: joining, role checks and running commands, each answering a
/// <see cref="HubReply{T}"/>. A refusal is thrown as a <see cref="HubRefusalException"/> (and an
/// unreachable store as the store's own exception), which <see cref="HubGuardFilter"/> turns into
/// the reply. Kept out of the hub so the hub stays a table of methods and roles.
/// </summary>
public sealed partial class SessionGateway(
    SessionService sessions,
    SessionBroadcaster broadcaster,
    PresenceTracker presence,
    ParticipantTokens tokens,
    TimeProvider time,
    IgfLiveMetrics metrics,
    ILogger<SessionGateway> logger)
{
    /// <summary>Past this many missed events a snapshot is cheaper for the client than the events.</summary>
    public const int MaxResyncEvents = 1000;

    public HubReply<long> ServerTime() => HubReply.Ok(time.GetUtcNow().ToUnixTimeMilliseconds());

    public async Task<HubReply<JoinResult>> JoinAsync(HubCallerContext context, JoinRequest? request)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.SessionId))
        {
            throw HubErrors.Refused(HubErrors.InvalidInput, "Join needs a session id and a key.");
        }
        if (ConnectionState.Of(context) is { } joined)
        {
            throw HubErrors.Refused(HubErrors.IllegalTransition, $"This connection has already joined session {joined.SessionId}; open a new connection for another session.");
        }
        var record = await sessions.FindAsync(request.SessionId, context.ConnectionAborted)
            ?? throw HubErrors.Refused(HubErrors.NotFound, $"There is no session {request.SessionId}.");
        // A first look, on the state this node holds: the state the snapshot is read from below,
        // caught up with the store after joining the group, has the last word (a key may have been
        // replaced on another node). Only a key the held state does not know needs the store first.
        var held = sessions.Held(record.Id);
        if (held is { Deleted: true })
        {
            throw Deleted();
        }
        var role = RoleResolver.Resolve(record, held, request.Key)
            ?? RoleResolver.Resolve(record, await sessions.GetStateAsync(record.Id, context.ConnectionAborted), request.Key)
            ?? throw NotOpened();

        string? participantId = null, token = null;
        if (role == SessionRole.Participant)
        {
            participantId = tokens.Read(record.Id, request.ParticipantToken) ?? ParticipantTokens.NewParticipantId();
            token = tokens.Issue(record.Id, participantId);
        }
        var state = new ConnectionState(record.Id, role, participantId, role == SessionRole.Participant ? null : SecretKeys.Hash(request.Key));
        state.Attach(context);
        // Join the group before reading state: an event appended in between arrives twice at worst,
        // and clients drop sequence numbers they already have.
        var inOwnGroup = await broadcaster.JoinAsync(context.ConnectionId, record.Id, role, state.KeyHash, participantId, context.ConnectionAborted);
        var (snapshot, current) = await SnapshotAsync(state, context.ConnectionAborted);
        if (current.Deleted || state.Revoked(current) is not null)
        {
            await UndoJoinAsync(context, state);
            throw current.Deleted ? Deleted() : NotOpened();
        }
        // Counted once the join is sure to stand (a participant's snapshot carries no presence).
        if (role == SessionRole.Participant)
        {
            await presence.ArrivedAsync(record.Id);
        }
        if (participantId is not null && !inOwnGroup && current.Questions.Values.Any(q => q.ParticipantId == participantId))
        {
            // They asked before (on another node, or before every tab of theirs here closed): join
            // their own group, then read again so that no news of their questions falls in between.
            await broadcaster.AuthorAsync(context.ConnectionId, record.Id, participantId);
            (snapshot, _) = await SnapshotAsync(state, context.ConnectionAborted);
        }
        Log.Joined(logger, record.Id, context.ConnectionId, role);
        return HubReply.Ok(new JoinResult(role.ToString(), participantId, token, snapshot));
    }

    public async Task<HubReply<ResyncResult>> ResyncAsync(HubCallerContext context, long afterSequence)
    {
        var caller = Caller(context);
        if (afterSequence < 0)
        {
            throw HubErrors.Refused(HubErrors.InvalidInput, "The last sequence number seen cannot be negative.");
        }
        var (events, state) = await sessions.ReadSinceAsync(caller.SessionId, afterSequence, context.ConnectionAborted);
        StillOpen(caller, state);
        if (afterSequence > state.Version)
        {
            throw HubErrors.Refused(HubErrors.InvalidInput, $"The session is at event {state.Version}; {afterSequence} has not happened yet.");
        }
        if (events.Count > MaxResyncEvents)
        {
            return HubReply.Ok(new ResyncResult([], (await SnapshotAsync(caller, context.ConnectionAborted)).Snapshot));
        }
        return HubReply.Ok(new ResyncResult(EventProjection.Project(events, state, caller.Role, time.GetUtcNow()), null));
    }

    public async Task<HubReply<QueueAdviceDto>> AdviceAsync(HubCallerContext context)
    {
        var caller = Caller(context, SessionRole.OnsiteModerator, SessionRole.OnlineModerator);
        var state = await sessions.GetStateAsync(caller.SessionId, context.ConnectionAborted);
        StillOpen(caller, state!);
        return HubReply.Ok(DtoMapper.Advice(state!, time.GetUtcNow()));
    }

    /// <summary>The joined caller, checked to hold one of <paramref name="roles"/> (any role when none are given).</summary>
    public ConnectionState Caller(HubCallerContext context, params IReadOnlyList<SessionRole> roles)
    {
        var caller = ConnectionState.Of(context)
            ?? throw HubErrors.Refused(HubErrors.NotJoined, "Join a session first.");
        if (roles.Count > 0 && !roles.Contains(caller.Role))
        {
            throw HubErrors.Refused(HubErrors.WrongRole, $"Only the {string.Join(" or ", roles.Select(Describe))} can do that; you joined as {Describe(caller.Role)}.");
        }
        return caller;
    }

    public async Task<HubReply<CommandResult>> RunAsync(ConnectionState caller, SessionCommand command)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await sessions.ExecuteAsync(caller.SessionId, command, caller.Revoked, CancellationToken.None);
        metrics.CommandCompleted(command.GetType().Name, outcome.IsAccepted, Stopwatch.GetElapsedTime(started));
        if (outcome.Rejection is { } rejection)
        {
            Log.Refused(logger, caller.SessionId, command.GetType().Name, rejection.Code);
            throw HubErrors.Refused(rejection);
        }
        var id = outcome.Events.Select(e => e.Event switch
        {
            Core.Questions.QuestionSubmitted q => q.QuestionId,
            Core.Notes.NoteAdded n => n.NoteId,
            Core.Stage.StageMessageSent m => m.MessageId,
            _ => null,
        }).FirstOrDefault(x => x is not null)
            // A note resent with its request id was added before: the answer names it, as the first answer did.
            ?? (command is AddNote { RequestId: { } request } ? outcome.State.FindNoteByRequest(request)?.Id : null);
        return HubReply.Ok(new CommandResult(outcome.State.Version, id));
    }

    /// <summary>Submits a participant's question, first putting their connection in their own group so that its news reaches them.</summary>
    public async Task<HubReply<CommandResult>> SubmitAsync(ConnectionState caller, string connectionId, SubmitQuestion command)
    {
        await broadcaster.AuthorAsync(connectionId, caller.SessionId, caller.ParticipantId!);
        return await RunAsync(caller, command);
    }

    public async Task LeftAsync(HubCallerContext context)
    {
        if (ConnectionState.Of(context) is not { } caller)
        {
            return;
        }
        broadcaster.Left(context.ConnectionId, caller.SessionId, caller.ParticipantId);
        if (caller.Role == SessionRole.Participant)
        {
            try
            {
                await presence.LeftAsync(caller.SessionId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.PresenceFailed(logger, ex, caller.SessionId);
            }
        }
    }

    /// <summary>Takes back a join refused on the caught-up state: the connection leaves the session's groups and is no longer joined.</summary>
    private async Task UndoJoinAsync(HubCallerContext context, ConnectionState caller)
    {
        ConnectionState.Detach(context);
        await broadcaster.LeaveAsync(context.ConnectionId, caller.SessionId, caller.Role, caller.KeyHash, caller.ParticipantId);
    }

    /// <summary>Refuses a call on a connection whose key was replaced after it joined.</summary>
    private static void StillOpen(ConnectionState caller, SessionState state)
    {
        if (caller.Revoked(state) is { } revoked)
        {
            throw HubErrors.Refused(revoked);
        }
    }

    private static HubRefusalException Deleted() => HubErrors.Refused(HubErrors.NotFound, SessionDecider.Deleted.Message);

    private static HubRefusalException NotOpened() =>
        HubErrors.Refused(HubErrors.Unauthorized, "That key does not open this session; check the link you were given.");

    private async Task<(SnapshotDto Snapshot, SessionState State)> SnapshotAsync(ConnectionState caller, CancellationToken cancellationToken)
    {
        var record = await sessions.FindAsync(caller.SessionId, cancellationToken);
        var state = await sessions.GetStateAsync(caller.SessionId, cancellationToken);
        var people = await presence.CurrentAsync(caller.SessionId, cancellationToken);
        return (SnapshotBuilder.Build(record!, state!, caller.Role, caller.ParticipantId, people, time.GetUtcNow()), state!);
    }

    private static string Describe(SessionRole role) => role switch
    {
        SessionRole.OnlineModerator => "online moderator",
        SessionRole.OnsiteModerator => "onsite moderator",
        SessionRole.Rapporteur => "rapporteur",
        SessionRole.Stage => "stage display",
        _ => "participant",
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Connection {ConnectionId} joined session {SessionId} as {Role}")]
        public static partial void Joined(ILogger logger, string sessionId, string connectionId, SessionRole role);

        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Session {SessionId}: {Command} refused ({Code})")]
        public static partial void Refused(ILogger logger, string sessionId, string command, RejectionCode code);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Session {SessionId}: presence update failed")]
        public static partial void PresenceFailed(ILogger logger, Exception exception, string sessionId);
    }
}
