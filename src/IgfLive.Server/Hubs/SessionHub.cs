using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Sessions;
using Microsoft.AspNetCore.SignalR;
using static IgfLive.Core.Sessions.SessionRole;

namespace IgfLive.Server.Hubs;

/// <summary>
/// The one hub for every role. Each method checks the caller's role, maps the call to a domain
/// command and returns; the session service does the rest. Every method answers a
/// <see cref="HubReply{T}"/>: its value, or the refusal (see <see cref="HubGuardFilter"/>).
/// </summary>
public sealed class SessionHub(SessionGateway gateway) : Hub<ISessionClient>
{
    public Task<HubReply<JoinResult>> Join(JoinRequest request) => gateway.JoinAsync(Context, request);

    /// <summary>The server's clock in Unix milliseconds, for the client's offset estimate.</summary>
    public HubReply<long> ServerTime() => gateway.ServerTime();

    public Task<HubReply<ResyncResult>> Resync(long afterSequence) => gateway.ResyncAsync(Context, afterSequence);

    public Task<HubReply<QueueAdviceDto>> GetQueueAdvice() => gateway.AdviceAsync(Context);

    public Task<HubReply<CommandResult>> StartClock() => Run(new StartClock(), OnsiteModerator);
    public Task<HubReply<CommandResult>> PauseClock() => Run(new PauseClock(), OnsiteModerator);
    public Task<HubReply<CommandResult>> ResumeClock() => Run(new ResumeClock(), OnsiteModerator);
    public Task<HubReply<CommandResult>> NextSegment() => Run(new NextSegment(), OnsiteModerator);
    public Task<HubReply<CommandResult>> PreviousSegment() => Run(new PreviousSegment(), OnsiteModerator);
    public Task<HubReply<CommandResult>> GoToSegment(int segment) => Run(new GoToSegment(segment), OnsiteModerator);
    public Task<HubReply<CommandResult>> GoToSpeakerSlot(int slot) => Run(new GoToSpeakerSlot(slot), OnsiteModerator);
    public Task<HubReply<CommandResult>> AdjustSegment(int seconds) => Run(new AdjustSegment(seconds), OnsiteModerator);
    public Task<HubReply<CommandResult>> EndSession() => Run(new EndSession(), OnsiteModerator);

    public Task<HubReply<CommandResult>> SubmitQuestion(SubmitQuestionRequest request)
    {
        var caller = gateway.Caller(Context, Participant);
        request = Required(request);
        var author = new QuestionAuthor(request.Name, request.Organisation, request.StakeholderGroup);
        return gateway.SubmitAsync(caller, Context.ConnectionId, new SubmitQuestion(request.Text, author, caller.ParticipantId!, request.AddressedTo));
    }

    public Task<HubReply<CommandResult>> RecordQuestion(RecordQuestionRequest request)
    {
        var caller = gateway.Caller(Context, OnlineModerator, OnsiteModerator);
        request = Required(request);
        var channel = Parse<QuestionChannel>(request.Channel ?? nameof(QuestionChannel.Floor), "channel");
        var author = new QuestionAuthor(request.Name, request.Organisation, request.StakeholderGroup);
        // The onsite moderator takes questions in the room, for the room: they skip the online queue.
        return gateway.RunAsync(caller, new RecordQuestion(request.Text, author, channel, request.AddressedTo, QueueOf(caller.Role), request.AskNow ?? false));
    }

    public Task<HubReply<CommandResult>> ApproveQuestion(string questionId) => Run(new ApproveQuestion(questionId), QuestionActions.Approve.Roles);
    public Task<HubReply<CommandResult>> RejectQuestion(string questionId, string reason) => Run(new RejectQuestion(questionId, reason), QuestionActions.Reject.Roles);
    public Task<HubReply<CommandResult>> RejectQuestionFor(string questionId, string reasonCode) => Run(new RejectQuestionFor(questionId, reasonCode), QuestionActions.RejectFor.Roles);
    public Task<HubReply<CommandResult>> EditQuestion(string questionId, string text) => Run(new EditQuestion(questionId, text), QuestionActions.Edit.Roles);
    public Task<HubReply<CommandResult>> MergeQuestion(string questionId, string intoQuestionId) => Run(new MergeQuestion(questionId, intoQuestionId), QuestionActions.Merge.Roles);
    public Task<HubReply<CommandResult>> MoveQuestion(string questionId, int position)
    {
        // Each moderator orders the queue they take questions from: the online one, or the room's.
        var caller = gateway.Caller(Context, QuestionActions.MoveRoles);
        return gateway.RunAsync(caller, new MoveQuestion(questionId, position, QueueOf(caller.Role)));
    }

    public Task<HubReply<CommandResult>> ForwardQuestion(string questionId) => Run(new ForwardQuestion(questionId), QuestionActions.Forward.Roles);
    public Task<HubReply<CommandResult>> MakeQuestionLive(string questionId) => Run(new MakeQuestionLive(questionId), QuestionActions.MakeLive.Roles);
    public Task<HubReply<CommandResult>> MarkQuestionAnswered(string questionId) => Run(new MarkQuestionAnswered(questionId), QuestionActions.Answer.Roles);

    public Task<HubReply<CommandResult>> CloseQuestions() => Run(new CloseQuestions(), OnlineModerator, OnsiteModerator);
    public Task<HubReply<CommandResult>> OpenQuestions() => Run(new OpenQuestions(), OnlineModerator, OnsiteModerator);

    public Task<HubReply<CommandResult>> WithdrawQuestion(string questionId) => RunAsParticipant(p => new WithdrawQuestion(questionId, p));
    public Task<HubReply<CommandResult>> VoteQuestion(string questionId) => RunAsParticipant(p => new VoteQuestion(questionId, p));
    public Task<HubReply<CommandResult>> UnvoteQuestion(string questionId) => RunAsParticipant(p => new UnvoteQuestion(questionId, p));

    public Task<HubReply<CommandResult>> AddNote(AddNoteRequest request)
    {
        request = Required(request);
        return Run(new AddNote(Parse<NoteKind>(request.Kind, "note kind"), request.Text, request.Segment, request.SpeakerId, request.QuestionId, request.RequestId), Rapporteur);
    }

    public Task<HubReply<CommandResult>> EditNote(EditNoteRequest request)
    {
        request = Required(request);
        return Run(new EditNote(request.NoteId, Parse<NoteKind>(request.Kind, "note kind"), request.Text, request.Segment, request.SpeakerId), Rapporteur);
    }

    public Task<HubReply<CommandResult>> DeleteNote(string noteId) => Run(new DeleteNote(noteId), Rapporteur);
    public Task<HubReply<CommandResult>> RestoreNote(string noteId) => Run(new RestoreNote(noteId), Rapporteur);

    public Task<HubReply<CommandResult>> PromoteQuestion(PromoteQuestionRequest request)
    {
        request = Required(request);
        return Run(new PromoteQuestion(request.QuestionId, Parse<NoteKind>(request.Kind, "note kind"), request.Answer), QuestionActions.Promote.Roles);
    }

    public Task<HubReply<CommandResult>> SendStageMessage(string text, bool pinned) => Run(new SendStageMessage(text, pinned), OnsiteModerator, OnlineModerator);
    public Task<HubReply<CommandResult>> ClearStageMessage(string messageId) => Run(new ClearStageMessage(messageId), OnsiteModerator, OnlineModerator);
    public Task<HubReply<CommandResult>> AcknowledgeStageMessage(string messageId) => Run(new AcknowledgeStageMessage(messageId), SessionRole.Stage);

    public override Task OnDisconnectedAsync(Exception? exception) => gateway.LeftAsync(Context);

    private Task<HubReply<CommandResult>> Run(SessionCommand command, params IReadOnlyList<SessionRole> roles) =>
        gateway.RunAsync(gateway.Caller(Context, roles), command);

    private Task<HubReply<CommandResult>> RunAsParticipant(Func<string, SessionCommand> command)
    {
        var caller = gateway.Caller(Context, Participant);
        return gateway.RunAsync(caller, command(caller.ParticipantId!));
    }

    /// <summary>The queue a moderator orders and records into.</summary>
    private static QueueKind QueueOf(SessionRole moderator) => moderator == OnsiteModerator ? QueueKind.OnsiteQueue : QueueKind.OnlineQueue;

    private static T Required<T>(T? request) where T : class =>
        request ?? throw HubErrors.Refused(HubErrors.InvalidInput, "The request is missing.");

    private static T Parse<T>(string? value, string what) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw HubErrors.Refused(HubErrors.InvalidInput, $"'{value}' is not a valid {what}; use one of {string.Join(", ", Enum.GetNames<T>())}.");
}
