using IgfLive.Core.Sessions;

namespace IgfLive.Core.Tests.Properties;

/// <summary>What one command did: the state it was decided against, the decision and the state after it.</summary>
public sealed record Outcome(int Index, SessionCommand Command, DateTimeOffset At, SessionState Before, Decision Decision, SessionState After);
