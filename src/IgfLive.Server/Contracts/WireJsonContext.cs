using System.Text.Json;
using System.Text.Json.Serialization;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Sessions.Relay;

namespace IgfLive.Server.Contracts;

/// <summary>
/// Compile-time JSON metadata for every contract on the wire: the hub's arguments, results and
/// client callbacks, the HTTP API's bodies, and the relay between nodes. It is the only resolver
/// the hub protocol and the HTTP API have (<see cref="HttpJson.Configure"/>), so a contract missing
/// here fails the first time it is written rather than being written by reflection. A new contract
/// is one <see cref="JsonSerializableAttribute"/> line in the group it belongs to (a generic one, a
/// line per type argument it is used with).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
// Hub method arguments, as browsers send them.
[JsonSerializable(typeof(JoinRequest))]
[JsonSerializable(typeof(SubmitQuestionRequest))]
[JsonSerializable(typeof(RecordQuestionRequest))]
[JsonSerializable(typeof(AddNoteRequest))]
[JsonSerializable(typeof(EditNoteRequest))]
[JsonSerializable(typeof(PromoteQuestionRequest))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
// Hub method results.
[JsonSerializable(typeof(JoinResult))]
[JsonSerializable(typeof(ResyncResult))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(QueueAdviceDto))]
[JsonSerializable(typeof(DashboardDto))]
[JsonSerializable(typeof(RoomStateDto))]
// Every result travels in a reply; a refusal is HubReply<object> (no value) for every method.
[JsonSerializable(typeof(HubReply<JoinResult>))]
[JsonSerializable(typeof(HubReply<long>))]
[JsonSerializable(typeof(HubReply<ResyncResult>))]
[JsonSerializable(typeof(HubReply<CommandResult>))]
[JsonSerializable(typeof(HubReply<QueueAdviceDto>))]
[JsonSerializable(typeof(HubReply<DashboardDto>))]
[JsonSerializable(typeof(HubReply<RoomStateDto>))]
[JsonSerializable(typeof(HubReply<object>))]
[JsonSerializable(typeof(HubError))]
// Client callbacks (ISessionClient) and what they carry; EventDto.Data is written by its runtime type.
[JsonSerializable(typeof(EventDto[]))]
[JsonSerializable(typeof(IReadOnlyList<EventDto>))]
[JsonSerializable(typeof(EventBatch))]
[JsonSerializable(typeof(QuestionDto))]
[JsonSerializable(typeof(PresenceDto))]
// The event hub's callbacks (IEventClient).
[JsonSerializable(typeof(RoomSummaryDto[]))]
[JsonSerializable(typeof(ClockEventData))]
[JsonSerializable(typeof(QuestionEventData))]
[JsonSerializable(typeof(NoteEventData))]
[JsonSerializable(typeof(StageEventData))]
[JsonSerializable(typeof(RoleKeyEventData))]
[JsonSerializable(typeof(QuestionsOpenData))]
[JsonSerializable(typeof(SessionDeletedData))]
[JsonSerializable(typeof(RescheduledData))]
// Between nodes: a relayed argument arrives as JSON and is passed on as it came.
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(RelayMessage.Wire))]
// HTTP bodies, and the list of errors a problem carries.
[JsonSerializable(typeof(CreateSessionRequest))]
[JsonSerializable(typeof(SessionCreatedResponse))]
[JsonSerializable(typeof(SessionListItem[]))]
[JsonSerializable(typeof(SessionSummary))]
[JsonSerializable(typeof(RoleKeyResponse))]
[JsonSerializable(typeof(AgendaPreview))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(CreateEventRequest))]
[JsonSerializable(typeof(EventCreatedResponse))]
[JsonSerializable(typeof(EventInfo[]))]
[JsonSerializable(typeof(EventView))]
[JsonSerializable(typeof(ProgrammeImportResponse))]
[JsonSerializable(typeof(ConflictView[]))]
[JsonSerializable(typeof(IReadOnlyList<LineProblem>))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
