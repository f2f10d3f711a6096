using IgfLive.Core.Programme;
using IgfLive.Core.Sessions;

namespace IgfLive.Server.Programme.Readers;

/// <summary>
/// Reads people as programmes write them: "Name (Organisation, Stakeholder group, Region); …", the
/// bracket optional and any of its parts left out from the end. An organisation with a comma in its
/// name keeps it: the last two parts are the group and the region.
/// </summary>
public static class PeopleText
{
    public const int RegionMax = 60;

    private static readonly char[] Separators = [';', '\n', '\r'];

    public static void Read(string? text, ProgrammeRole role, List<ProgrammePerson> people, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        foreach (var part in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Person(part, role, problems) is { } person)
            {
                people.Add(person);
            }
        }
    }

    /// <summary>One person from "Name (Organisation, Group, Region)"; null, with the reason in <paramref name="problems"/>, when it cannot be used.</summary>
    public static ProgrammePerson? Person(string text, ProgrammeRole role, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var name = open < 0 ? text : text[..open];
        string[] details = [];
        if (open >= 0)
        {
            var close = text.LastIndexOf(')');
            var inside = close > open ? text[(open + 1)..close] : text[(open + 1)..];
            details = inside.Split(',', StringSplitOptions.TrimEntries);
        }
        var (organisation, group, region) = details.Length switch
        {
            0 => (null, null, null),
            1 => (details[0], null, null),
            2 => (details[0], details[1], null),
            _ => (string.Join(", ", details[..^2]), details[^2], details[^1]),
        };
        var count = problems.Count;
        if (TextRules.Check(name, TextRules.NameMax, "name of a person", out var cleanName) is { } bad)
        {
            problems.Add($"\"{Shorten(text)}\": {bad.Message}");
        }
        var org = Optional(organisation, TextRules.OrganisationMax, "organisation", text, problems);
        var stakeholders = Optional(group, TextRules.StakeholderGroupMax, "stakeholder group", text, problems);
        var area = Optional(region, RegionMax, "region", text, problems);
        return problems.Count > count ? null : new ProgrammePerson(cleanName, org, stakeholders, area, role);
    }

    private static string? Optional(string? value, int max, string field, string text, List<string> problems)
    {
        if (TextRules.CheckOptional(value, max, field, out var cleaned) is { } bad)
        {
            problems.Add($"\"{Shorten(text)}\": {bad.Message}");
        }
        return cleaned;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
