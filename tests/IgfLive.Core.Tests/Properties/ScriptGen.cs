using System.Globalization;
using CsCheck;
using IgfLive.Core.Clock;
using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Properties;

/// <summary>Generators for random session scripts.</summary>
public static class ScriptGen
{
    private static readonly string[] Words =
    [
        "How", "do", "we", "fund", "community", "networks", "rural", "schools", "access", "policy", "youth",
        "what", "about", "spectrum", "¿Cómo", "données", "接続", "multistakeholder", "IXP", "?",
    ];

    private static readonly string[] Speakers = ["ana", "kwame", "li", "sofia"];

    private static readonly Gen<string?> NoText = Gen.Const(string.Empty).Select(_ => (string?)null);

    private static readonly Gen<string> Phrase =
        Gen.Int[0, Words.Length - 1].Array[1, 6].Select(ix => string.Join(' ', ix.Select(i => Words[i])));

    /// <summary>Mostly ordinary text; otherwise empty, blank, exactly at or one past the limit, with a control character or CRLF.</summary>
    private static Gen<string> Text(int max) => Gen.Frequency(
        (14, Phrase),
        (1, Gen.OneOfConst(
            "",
            " \t\n ",
            new string('x', max),
            new string('y', max + 1),
            "ring\u0007bell",
            "\u0000",
            "  two lines\r\nwith CRLF  ",
            "  How do we fund community networks?  ")));

    private static Gen<string?> OptionalText(int max) => Gen.Frequency(
        (1, NoText),
        (2, Text(max).Select(t => (string?)t)));

    /// <summary>
    /// Question references. Ids are only known while the script plays, so most references are
    /// placeholders resolved against the state at that moment: "!k" is the k-th question (wrapping)
    /// among those the command's action is allowed on, "?k" the k-th of all questions. The rest are
    /// ids that never exist.
    /// </summary>
    private static readonly Gen<string> QuestionRef = Gen.Frequency(
        (6, Gen.Int[0, 1000].Select(k => string.Create(CultureInfo.InvariantCulture, $"!{k}"))),
        (3, Gen.Int[0, 1000].Select(k => string.Create(CultureInfo.InvariantCulture, $"?{k}"))),
        (1, Gen.OneOfConst("q0", "q999", "", " ", "Q1", "q1 ", "n1", "m1")));

    /// <summary>"?k" is the k-th note (wrapping); the rest never exist.</summary>
    private static readonly Gen<string> NoteRef = Gen.Frequency(
        (8, Gen.Int[0, 1000].Select(k => string.Create(CultureInfo.InvariantCulture, $"?{k}"))),
        (1, Gen.OneOfConst("n0", "n999", "", "N1", "q1")));

    /// <summary>"!" is the message on the stage display now; m1..m4 may be an older one.</summary>
    private static readonly Gen<string> MessageRef = Gen.Frequency(
        (6, Gen.Const("!")),
        (2, Gen.Int[1, 4].Select(n => string.Create(CultureInfo.InvariantCulture, $"m{n}"))),
        (1, Gen.OneOfConst("m0", "", "M1", "q1")));

    /// <summary>Participants p1..p6; sometimes a blank id, which must be refused.</summary>
    private static readonly Gen<string> Participant = Gen.Frequency(
        (14, Gen.Int[1, 6].Select(n => string.Create(CultureInfo.InvariantCulture, $"p{n}"))),
        (1, Gen.OneOfConst("", "  ")));

    /// <summary>A participant, or "@author" / "@voter": the asker of the question, or someone who voted for it.</summary>
    private static Gen<string> Acting(string placeholder, int weight) => Gen.Frequency(
        (weight, Gen.Const(placeholder)),
        (4, Participant));

    private static readonly Gen<string?> Speaker = Gen.Frequency(
        (4, NoText),
        (4, Gen.OneOfConst(Speakers).Select(s => (string?)s)),
        (1, Gen.OneOfConst<string?>("nobody", "", "ANA")));

    private static readonly Gen<int> Segment = Gen.Frequency(
        (8, Gen.Int[0, 5]),
        (2, Gen.Int[-2, 8]),
        (1, Gen.OneOfConst(int.MinValue, int.MaxValue)));

    private static readonly Gen<int?> OptionalSegment = Gen.Frequency(
        (2, Gen.Const((int?)null)),
        (3, Segment.Select(s => (int?)s)));

    private static readonly Gen<NoteKind> Kind = Gen.Frequency(
        (12, Gen.Int[0, 3].Select(k => (NoteKind)k)),
        (1, Gen.OneOfConst((NoteKind)4, (NoteKind)(-1))));

    /// <summary>Mostly named; sometimes anonymous (refused where names are required), blank or oversized.</summary>
    private static readonly Gen<QuestionAuthor> Author = Gen.Frequency(
        (8, Gen.OneOfConst(QuestionSteps.Amina, new QuestionAuthor("Kofi Boateng", null, null), new QuestionAuthor(" Lea ", "  ", "Academia"))),
        (2, Gen.OneOfConst(QuestionAuthor.Anonymous, new QuestionAuthor("   ", " ", null), null!)),
        (1, Gen.OneOfConst(
            new QuestionAuthor(new string('n', TextRules.NameMax + 1), null, null),
            new QuestionAuthor("Lea", new string('o', TextRules.OrganisationMax + 1), null),
            new QuestionAuthor("Lea", null, new string('g', TextRules.StakeholderGroupMax + 1)))));

    /// <summary>Mostly a SHA-256 in lowercase hex, now and then something that is not one.</summary>
    private static readonly Gen<string> KeyHash = Gen.Frequency(
        (6, Gen.Char["0123456789abcdef"].Array[64].Select(c => new string(c))),
        (1, Gen.OneOfConst(string.Empty, "not a hash", new string('A', 64), new string('a', 63))));

    /// <summary>Mostly none; otherwise one of a few (so that resends happen), or one that is not a request id.</summary>
    private static readonly Gen<string?> RequestId = Gen.Frequency(
        (4, NoText),
        (2, Gen.OneOfConst<string?>("r1", "r2", "r3")),
        (1, Gen.OneOfConst<string?>(string.Empty, "has space", new string('r', TextRules.RequestIdMax + 1))));

    private static readonly Gen<int> AdjustSeconds = Gen.Frequency(
        (8, Gen.Int[-600, 600]),
        (1, Gen.OneOfConst(0, 3600, -3600, 3601, -3601, int.MinValue, int.MaxValue)));

    private static Gen<SessionCommand> Of<T>(Gen<T> gen) where T : SessionCommand => gen.Select(c => (SessionCommand)c);

    private static Gen<SessionCommand> Const(SessionCommand command) => Gen.Const(command);

    /// <summary>Every command kind, weighted so questions move through their whole lifecycle and the clock through the agenda.</summary>
    public static readonly Gen<SessionCommand> Command = Gen.Frequency(
        // The clock.
        (5, Const(new StartClock())),
        (4, Const(new PauseClock())),
        (4, Const(new ResumeClock())),
        (8, Const(new NextSegment())),
        (4, Const(new PreviousSegment())),
        (4, Of(Segment.Select(s => new GoToSegment(s)))),
        (4, Of(Gen.Frequency((6, Gen.Int[-1, 4]), (1, Gen.OneOfConst(int.MinValue, int.MaxValue))).Select(s => new GoToSpeakerSlot(s)))),
        (4, Of(AdjustSeconds.Select(s => new AdjustSegment(s)))),
        (1, Const(new EndSession())),
        (14, Const(new RaiseDueCue())),
        // Questions.
        (14, Of(Gen.Select(Text(TextRules.QuestionMax), Author, Participant, Speaker, (t, a, p, s) => new SubmitQuestion(t, a, p, s)))),
        (6, Of(Gen.Select(Text(TextRules.QuestionMax), Author, Gen.OneOfConst(QuestionChannel.Online, QuestionChannel.Floor), Speaker,
            Gen.OneOfConst(QueueKind.OnlineQueue, QueueKind.OnsiteQueue), Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true))),
            (t, a, c, s, into, now) => new RecordQuestion(t, a, c, s, into, now)))),
        (10, Of(QuestionRef.Select(id => new ApproveQuestion(id)))),
        (3, Of(Gen.Select(QuestionRef, Text(TextRules.ReasonMax), (id, r) => new RejectQuestion(id, r)))),
        (3, Of(Gen.Select(QuestionRef, Gen.OneOfConst("covered", "no_time", "off_topic", "conduct", "spam", ""), (id, code) => new RejectQuestionFor(id, code)))),
        (4, Of(Gen.Select(QuestionRef, Text(TextRules.QuestionMax), (id, t) => new EditQuestion(id, t)))),
        (4, Of(Gen.Select(QuestionRef, QuestionRef, (id, into) => new MergeQuestion(id, into)))),
        (4, Of(Gen.Select(QuestionRef, Gen.Int[-2, 8], Gen.OneOfConst(QueueKind.OnlineQueue, QueueKind.OnsiteQueue), (id, p, queue) => new MoveQuestion(id, p, queue)))),
        (10, Of(QuestionRef.Select(id => new ForwardQuestion(id)))),
        (10, Of(QuestionRef.Select(id => new MakeQuestionLive(id)))),
        (8, Of(QuestionRef.Select(id => new MarkQuestionAnswered(id)))),
        (3, Of(Gen.Select(QuestionRef, Acting("@author", 4), (id, p) => new WithdrawQuestion(id, p)))),
        (16, Of(Gen.Select(QuestionRef, Acting("@author", 1), (id, p) => new VoteQuestion(id, p)))),
        (6, Of(Gen.Select(QuestionRef, Acting("@voter", 6), (id, p) => new UnvoteQuestion(id, p)))),
        (2, Const(new CloseQuestions())),
        (2, Const(new OpenQuestions())),
        // Notes.
        (6, Of(Gen.Select(Kind, Text(TextRules.NoteMax), OptionalSegment, Speaker, Gen.Frequency((3, NoText), (1, QuestionRef.Select(q => (string?)q))), RequestId,
            (k, t, s, sp, q, r) => new AddNote(k, t, s, sp, q, r)))),
        (4, Of(Gen.Select(NoteRef, Kind, Text(TextRules.NoteMax), OptionalSegment, Speaker, (id, k, t, s, sp) => new EditNote(id, k, t, s, sp)))),
        (2, Of(NoteRef.Select(id => new DeleteNote(id)))),
        (2, Of(NoteRef.Select(id => new RestoreNote(id)))),
        (4, Of(Gen.Select(QuestionRef, Kind, OptionalText(TextRules.NoteMax), (id, k, a) => new PromoteQuestion(id, k, a)))),
        // The stage display.
        (4, Of(Gen.Select(Text(TextRules.StageMessageMax), Gen.Bool, (t, p) => new SendStageMessage(t, p)))),
        (2, Of(MessageRef.Select(id => new AcknowledgeStageMessage(id)))),
        (2, Of(MessageRef.Select(id => new ClearStageMessage(id)))),
        // The organiser.
        (1, Of(Gen.Select(Gen.Int[-1, 5].Select(r => (SessionRole)r), KeyHash, (r, h) => new RotateRoleKey(r, h)))),
        (1, Const(new DeleteSession())));

    /// <summary>Often no time at all or a tick (boundaries), mostly seconds to minutes, now and then hours.</summary>
    public static readonly Gen<TimeSpan> Advance = Gen.Frequency(
        (6, Gen.Const(TimeSpan.Zero)),
        (2, Gen.Const(TimeSpan.FromTicks(1))),
        (20, Gen.Int[1, 90].Select(s => TimeSpan.FromSeconds(s))),
        (10, Gen.Int[1, 6].Select(m => TimeSpan.FromMinutes(m))),
        (1, Gen.Int[1, 3].Select(h => TimeSpan.FromHours(h))));

    /// <summary>Opened up to half an hour either side of the scheduled start, or years after it.</summary>
    private static readonly Gen<TimeSpan> Opened = Gen.Frequency(
        (6, Gen.Int[-30, 30].Select(m => TimeSpan.FromMinutes(m))),
        (1, Gen.Int[1, 3000].Select(d => TimeSpan.FromDays(d))));

    public static readonly Gen<Script> Scripts = Gen.Select(
        Gen.Bool,
        Gen.Bool,
        Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true))),
        Opened,
        Gen.Select(Advance, Command, (a, c) => new ScriptStep(a, c)).Array[1, 200],
        (slots, anonymous, tight, opened, steps) => new Script(slots, anonymous, tight, opened, steps));

    /// <summary>How many scripts each property plays; each takes well under a second on two slow cores.</summary>
    public const int Iterations = 150;
}
