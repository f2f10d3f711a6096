namespace IgfLive.Load;

/// <summary>A session's id, participant code and moderators' keys, as created for a run.</summary>
internal sealed record SessionKeys(string Id, string ParticipantCode, string OnsiteKey, string OnlineKey);
