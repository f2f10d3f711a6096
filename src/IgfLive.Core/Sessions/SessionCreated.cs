namespace IgfLive.Core.Sessions;

/// <summary>The first event of every session: what the organiser set up.</summary>
public sealed record SessionCreated(SessionDefinition Definition) : SessionEvent;
