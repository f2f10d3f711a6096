namespace IgfLive.Server.Tests.WireContracts;

/// <summary>
/// Where the browser's contracts and the server's records disagree, each difference said in one
/// line; none when they agree. Records pair with interfaces by name.
/// </summary>
internal static class ContractDifferences
{
    /// <summary>The server's one record the browser reads as a union, told apart by <c>type</c>.</summary>
    public const string EventUnion = "EventDto";

    public static IReadOnlyList<string> OfRecords(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldShape>> records, IReadOnlyDictionary<string, TsDeclaration> contracts)
    {
        var found = new List<string>();
        foreach (var (name, fields) in records)
        {
            if (name == EventUnion)
            {
                EventMembers(fields, contracts.GetValueOrDefault(name), found);
            }
            else if (contracts.GetValueOrDefault(name) is { Kind: "object", Properties: { } properties })
            {
                Fields(name, fields, Shapes(properties), found);
            }
            else
            {
                found.Add($"{name} is a wire record with no interface of that name in the contracts.");
            }
        }
        found.AddRange(contracts
            .Where(c => c.Value.Kind == "object" && !records.ContainsKey(c.Key))
            .Select(c => $"{c.Key} is an interface of the contracts with no wire record of that name."));
        return found;
    }

    /// <param name="sent">Per event name, the data record names the server sends with it (<see cref="EverySessionEvent.DataSent"/>).</param>
    public static IReadOnlyList<string> OfEvents(IReadOnlyDictionary<string, IReadOnlySet<string>> sent, TsDeclaration? union)
    {
        if (union is not { Kind: "union", Members: { } members })
        {
            return [$"{EventUnion} is not a union of the event kinds in the contracts."];
        }
        var found = new List<string>();
        var declared = new Dictionary<string, string>();
        foreach (var member in members)
        {
            var data = member.GetValueOrDefault("data");
            var types = member.GetValueOrDefault("type")?.Literals ?? [];
            if (data is null || types.Count == 0)
            {
                found.Add($"A member of {EventUnion} does not name its types (as string literals) and its data.");
                continue;
            }
            if (data.Nullable && data.Type != "null")
            {
                found.Add($"The data of {string.Join(", ", types)} may be null in the contracts; only events without data carry null.");
            }
            foreach (var type in types)
            {
                if (!declared.TryAdd(type, data.Type))
                {
                    found.Add($"{type} is in two members of {EventUnion}.");
                }
            }
        }
        foreach (var (type, data) in sent)
        {
            if (data.Count != 1)
            {
                found.Add($"{type} carries {string.Join(" or ", data)} depending on the role; the contracts can say only one.");
            }
            else if (!declared.TryGetValue(type, out var theirs))
            {
                found.Add($"{type} events are sent, with {data.Single()}, but {EventUnion} has no member for them.");
            }
            else if (theirs != data.Single())
            {
                found.Add($"{type} events carry {data.Single()}, but the contracts say {theirs}.");
            }
        }
        found.AddRange(declared.Keys.Where(t => !sent.ContainsKey(t)).Select(t => $"{EventUnion} has {t}, which the server never sends."));
        return found;
    }

    /// <param name="expected">Per union of string literals in the contracts, the names the server writes.</param>
    public static IReadOnlyList<string> OfLiterals(IReadOnlyDictionary<string, IReadOnlyList<string>> expected, IReadOnlyDictionary<string, TsDeclaration> contracts)
    {
        var found = new List<string>();
        foreach (var (name, names) in expected)
        {
            if (contracts.GetValueOrDefault(name) is not { Kind: "literals", Values: { } values })
            {
                found.Add($"{name} is not a union of string literals in the contracts.");
                continue;
            }
            found.AddRange(names.Except(values).Select(v => $"{name} lacks '{v}', which the server writes."));
            found.AddRange(values.Except(names).Select(v => $"{name} has '{v}', which the server never writes."));
        }
        return found;
    }

    private static void EventMembers(IReadOnlyDictionary<string, FieldShape> fields, TsDeclaration? union, List<string> found)
    {
        if (union is not { Kind: "union", Members: { } members })
        {
            found.Add($"{EventUnion} is not a union of the event kinds in the contracts.");
            return;
        }
        // Each kind of event has the record's fields; what its data holds is for OfEvents to compare.
        var shared = fields.Where(f => f.Key != "data").ToDictionary();
        foreach (var member in members)
        {
            var types = member.GetValueOrDefault("type")?.Literals ?? [];
            var properties = Shapes(member);
            Fields($"{EventUnion} ({string.Join(", ", types)})", shared, properties.Where(p => p.Key != "data").ToDictionary(), found);
            if (!properties.ContainsKey("data") && fields.ContainsKey("data"))
            {
                found.Add($"{EventUnion} ({string.Join(", ", types)}) has no data.");
            }
        }
    }

    private static void Fields(string name, IReadOnlyDictionary<string, FieldShape> server, IReadOnlyDictionary<string, FieldShape> browser, List<string> found)
    {
        foreach (var (field, shape) in server)
        {
            if (!browser.TryGetValue(field, out var theirs))
            {
                found.Add($"{name}.{field} ({shape}) is on the server but not in the contracts.");
            }
            else if (theirs != shape)
            {
                found.Add($"{name}.{field} is {shape} on the server but {theirs} in the contracts.");
            }
        }
        found.AddRange(browser.Where(f => !server.ContainsKey(f.Key)).Select(f => $"{name}.{f.Key} ({f.Value}) is in the contracts but not on the server."));
    }

    private static Dictionary<string, FieldShape> Shapes(IReadOnlyDictionary<string, TsProperty> properties) =>
        properties.ToDictionary(p => p.Key, p => p.Value.Shape);
}
