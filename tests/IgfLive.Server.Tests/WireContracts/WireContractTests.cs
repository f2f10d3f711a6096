using IgfLive.Core.Clock;
using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Server.Hubs;

namespace IgfLive.Server.Tests.WireContracts;

/// <summary>
/// The browser's contracts (src/IgfLive.Web/src/lib/contracts) say what the server sends and
/// takes: every wire record has an interface of its name with the same fields (type, null or not,
/// optional or not, nested records included), every event the log may hold is a member of the
/// events' union with the data the server sends with it, and the names sent as strings are the
/// contracts' literals. A record and its interface pair by name, so a new pair needs no change
/// here (a record outside IgfLive.Server.Contracts is one line in <see cref="ClrContracts.OutsideContracts"/>).
/// </summary>
public sealed class WireContractTests
{
    [Fact]
    public async Task EveryWireRecordHasAnInterfaceOfItsNameWithTheSameFields()
    {
        NoneOf(ContractDifferences.OfRecords(ClrContracts.Records(), await TsContracts.Declarations));
    }

    [Fact]
    public async Task EveryEventTheServerSendsIsInTheEventUnionWithItsData()
    {
        var contracts = await TsContracts.Declarations;

        NoneOf(ContractDifferences.OfEvents(EverySessionEvent.DataSent(), contracts.GetValueOrDefault(ContractDifferences.EventUnion)));
    }

    [Fact]
    public async Task TheNamesTheServerWritesAsStringsAreTheLiteralsOfTheContracts()
    {
        var expected = new Dictionary<string, IReadOnlyList<string>>
        {
            ["QuestionStatus"] = Enum.GetNames<QuestionStatus>(),
            ["Channel"] = Enum.GetNames<QuestionChannel>(),
            ["NoteKind"] = Enum.GetNames<NoteKind>(),
            ["ClockStatus"] = Enum.GetNames<ClockStatus>(),
            ["Threshold"] = Enum.GetNames<ThresholdState>(),
            ["QuestionCommandName"] = [.. QuestionActions.All.Select(c => c.Name)],
        };

        NoneOf(ContractDifferences.OfLiterals(expected, await TsContracts.Declarations));
    }

    [Fact]
    public async Task AFieldOnOneSideOnlyOrShapedDifferentlyIsFound()
    {
        var records = ClrContracts.Records();
        var contracts = await TsContracts.Declarations;
        var changed = new Dictionary<string, IReadOnlyDictionary<string, FieldShape>>(records)
        {
            ["QuestionDto"] = With(records["QuestionDto"], "pinned", new FieldShape("boolean", false, false)),
            ["SegmentTimingDto"] = With(records["SegmentTimingDto"], "elapsedMs", new FieldShape("number", true, false)),
            ["QuestionEventData"] = With(records["QuestionEventData"], "into", new FieldShape("QuestionDto", true, false)),
            ["NoteEventData"] = With(records["NoteEventData"], "note", new FieldShape("QuestionDto", false, false)),
            ["EventDto"] = With(records["EventDto"], "version", new FieldShape("number", false, false)),
        };
        changed.Remove("SessionSummary");

        var found = ContractDifferences.OfRecords(changed, contracts);

        Assert.Contains("QuestionDto.pinned (boolean) is on the server but not in the contracts.", found);
        Assert.Contains("SegmentTimingDto.elapsedMs is number | null on the server but number in the contracts.", found);
        Assert.Contains("QuestionEventData.into is QuestionDto | null on the server but QuestionDto | null (optional) in the contracts.", found);
        Assert.Contains("NoteEventData.note is QuestionDto on the server but NoteDto in the contracts.", found);
        Assert.Contains("EventDto (RoleKeyRotated).version (number) is on the server but not in the contracts.", found);
        Assert.Contains("SessionSummary is an interface of the contracts with no wire record of that name.", found);
        // Every kind of event in the union lacks the new field: nine of them.
        Assert.Equal(9, found.Count(f => f.Contains(").version (number)", StringComparison.Ordinal)));
        Assert.Equal(5 + 9, found.Count);
    }

    [Fact]
    public async Task AnEventOrItsDataOnOneSideOnlyIsFound()
    {
        var sent = new Dictionary<string, IReadOnlySet<string>>(EverySessionEvent.DataSent())
        {
            ["QuestionPinned"] = new HashSet<string> { "QuestionEventData" },
            ["NoteAdded"] = new HashSet<string> { "QuestionEventData" },
        };
        sent.Remove("SessionDeleted");

        var found = ContractDifferences.OfEvents(sent, (await TsContracts.Declarations)[ContractDifferences.EventUnion]);

        Assert.Equal(
            [
                "EventDto has SessionDeleted, which the server never sends.",
                "NoteAdded events carry QuestionEventData, but the contracts say NoteEventData.",
                "QuestionPinned events are sent, with QuestionEventData, but EventDto has no member for them.",
            ],
            found.Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, FieldShape> With(IReadOnlyDictionary<string, FieldShape> fields, string name, FieldShape shape) =>
        new(fields) { [name] = shape };

    private static void NoneOf(IReadOnlyList<string> differences) =>
        Assert.True(differences.Count == 0, $"The browser's contracts and the server differ:\n{string.Join('\n', differences)}");
}
