using IgfLive.Core.Sessions;

namespace IgfLive.Core.Tests.Properties;

/// <summary>
/// One command of a script, decided after the fake clock moved on by <paramref name="Advance"/>.
/// Its ids may be placeholders, resolved when the script plays (see <see cref="ScriptPlayer.Resolve"/>).
/// </summary>
public sealed record ScriptStep(TimeSpan Advance, SessionCommand Command);
