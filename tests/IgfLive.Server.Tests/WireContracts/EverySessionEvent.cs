using System.Reflection;
using System.Text.Json.Serialization;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.WireContracts;

/// <summary>
/// One of each kind of event the log may hold (every type <see cref="SessionEvent"/> names for the
/// wire), made from its constructor, and what each role is sent for it.
/// </summary>
internal static class EverySessionEvent
{
    /// <summary>The wire names of the events, as <see cref="SessionEvent"/> declares them.</summary>
    public static IReadOnlyList<(string Name, Type Type)> Kinds { get; } =
    [
        .. typeof(SessionEvent).GetCustomAttributes<JsonDerivedTypeAttribute>()
            .Select(a => ((string)a.TypeDiscriminator!, a.DerivedType)),
    ];

    /// <summary>
    /// For each event name, the name of the data record a role is sent with it ("null" for none),
    /// and for <see cref="EventProjection.Hidden"/> "null": across every role, an event carries one
    /// kind of data or arrives hidden.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> DataSent()
    {
        var (events, state) = Log();
        var sent = new Dictionary<string, IReadOnlySet<string>> { [EventProjection.Hidden] = new HashSet<string> { "null" } };
        foreach (var role in Enum.GetValues<SessionRole>())
        {
            var projected = EventProjection.Project(events, state, role, TestEvents.SeedStart);
            foreach (var (kind, dto) in Kinds.Zip(projected))
            {
                if (dto.Type == EventProjection.Hidden)
                {
                    continue;
                }
                Assert.Equal(kind.Name, dto.Type);
                var names = (HashSet<string>)(sent.TryGetValue(dto.Type, out var known) ? known : sent[dto.Type] = new HashSet<string>());
                names.Add(dto.Data?.GetType().Name ?? "null");
            }
        }
        return sent;
    }

    /// <summary>One event of each kind, about the session's first two questions, its note and a stage message; and a state holding those.</summary>
    private static (IReadOnlyList<RecordedEvent> Events, SessionState State) Log()
    {
        SessionEvent[] setUp =
        [
            new QuestionSubmitted("q1", "Who holds the data?", QuestionAuthor.Anonymous, "p1", QuestionChannel.Online, null, 0),
            new QuestionSubmitted("q2", "Who holds which data?", QuestionAuthor.Anonymous, "p2", QuestionChannel.Online, null, 0),
            new Core.Notes.NoteAdded("n1", Core.Notes.NoteKind.Point, "Data stays local.", 0, null, null, TimeSpan.Zero),
        ];
        var state = SessionState.Fold("contracts", [TestEvents.Created(), .. setUp.Select((e, i) => new RecordedEvent(i + 2, TestEvents.SeedStart, e))]);
        return ([.. Kinds.Select((kind, i) => new RecordedEvent(state.Version + i + 1, TestEvents.SeedStart, Sample(kind.Type)))], state);
    }

    private static SessionEvent Sample(Type type)
    {
        var constructor = type.GetConstructors()
            .Where(c => c.GetParameters() is not [var only] || only.ParameterType != type)
            .MaxBy(c => c.GetParameters().Length)!;
        return (SessionEvent)constructor.Invoke([.. constructor.GetParameters().Select(p => Argument(type, p))]);
    }

    private static object? Argument(Type type, ParameterInfo parameter) => parameter.Name switch
    {
        "QuestionId" => "q1",
        "IntoQuestionId" => "q2",
        "NoteId" => "n1",
        "MessageId" => "m1",
        _ when parameter.HasDefaultValue => parameter.DefaultValue,
        _ => parameter.ParameterType switch
        {
            var t when t == typeof(string) => "sample",
            var t when t == typeof(int) => 0,
            var t when t == typeof(bool) => false,
            var t when t == typeof(TimeSpan) => TimeSpan.Zero,
            var t when t.IsEnum => Enum.GetValues(t).GetValue(0),
            var t when t == typeof(QuestionAuthor) => QuestionAuthor.Anonymous,
            var t when t == typeof(SessionDefinition) => TestEvents.SeedDefinition(),
            _ => throw new NotSupportedException($"Say in EverySessionEvent what a sample {parameter.ParameterType.Name} is, for {type.Name}.{parameter.Name}."),
        },
    };
}
