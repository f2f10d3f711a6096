using System.Reflection;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;

namespace IgfLive.Server.Tests.WireContracts;

/// <summary>
/// The server's wire records as the hub's and the HTTP API's JSON writes them (camelCase, enums as
/// names, instants as strings): every public record in IgfLive.Server.Contracts, the records listed
/// in <see cref="OutsideContracts"/>, and every record those reach through their fields.
/// </summary>
internal static class ClrContracts
{
    /// <summary>Wire records kept beside their endpoints rather than in Contracts: one line each.</summary>
    public static IReadOnlyList<Type> OutsideContracts { get; } =
    [
        typeof(SessionCreatedResponse),
        typeof(SessionListItem),
        typeof(SessionSummary),
        typeof(RoleKeyResponse),
        typeof(AgendaPreview),
        typeof(EventView),
    ];

    /// <summary>Each record by name, with its fields by wire name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldShape>> Records()
    {
        var roots = typeof(QuestionDto).Assembly.GetExportedTypes()
            // The reply envelope HubReply<T> is generic, a union type in TypeScript: its shape on the
            // wire ({value, error}) is pinned by HubReplyTests; its HubError is checked here.
            .Where(t => t.Namespace == typeof(QuestionDto).Namespace && IsRecord(t) && !t.IsGenericTypeDefinition)
            .Concat(OutsideContracts);
        var pending = new Queue<Type>(roots);
        var records = new Dictionary<string, IReadOnlyDictionary<string, FieldShape>>();
        var seen = new Dictionary<string, Type>();
        while (pending.TryDequeue(out var record))
        {
            if (seen.TryGetValue(record.Name, out var other))
            {
                Assert.True(other == record, $"Two wire records are named {record.Name} ({other.FullName} and {record.FullName}); the browser could not tell them apart.");
                continue;
            }
            seen[record.Name] = record;
            records[record.Name] = Fields(record, pending.Enqueue);
        }
        return records;
    }

    public static bool IsRecord(Type type) => type.IsClass && type.GetMethod("<Clone>$") is not null;

    private static Dictionary<string, FieldShape> Fields(Type record, Action<Type> reached)
    {
        var primary = record.GetConstructors().MaxBy(c => c.GetParameters().Length)!;
        var optional = primary.GetParameters().Where(p => p.HasDefaultValue).Select(p => p.Name).ToHashSet();
        var nullability = new NullabilityInfoContext();
        var naming = HttpJson.Options.PropertyNamingPolicy!;
        return record.GetProperties(BindingFlags.Public | BindingFlags.Instance).ToDictionary(
            p => naming.ConvertName(p.Name),
            p =>
            {
                var (type, nullable) = Describe(p.PropertyType, nullability.Create(p), reached, $"{record.Name}.{p.Name}");
                return new FieldShape(type, nullable, optional.Contains(p.Name));
            });
    }

    private static (string Type, bool Nullable) Describe(Type type, NullabilityInfo info, Action<Type> reached, string where)
    {
        if (Nullable.GetUnderlyingType(type) is { } value)
        {
            return (Plain(value, info, reached, where), true);
        }
        return (Plain(type, info, reached, where), info.ReadState == NullabilityState.Nullable || type == typeof(object));
    }

    private static string Plain(Type type, NullabilityInfo info, Action<Type> reached, string where)
    {
        if (type == typeof(string) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid) || type.IsEnum)
        {
            return "string";
        }
        if (type == typeof(bool))
        {
            return "boolean";
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal))
        {
            return "number";
        }
        if (type == typeof(object))
        {
            return "unknown";
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var generic
            && (generic == typeof(IReadOnlyDictionary<,>) || generic == typeof(Dictionary<,>)))
        {
            return $"map<{Describe(type.GenericTypeArguments[1], info.GenericTypeArguments[1], reached, where).Type}>";
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var list
            && (list == typeof(IReadOnlyList<>) || list == typeof(IReadOnlyCollection<>) || list == typeof(IEnumerable<>) || list == typeof(List<>)))
        {
            var (item, nullable) = Describe(type.GenericTypeArguments[0], info.GenericTypeArguments[0], reached, where);
            return $"{item}{(nullable ? "?" : string.Empty)}[]";
        }
        if (type.IsArray)
        {
            var (item, nullable) = Describe(type.GetElementType()!, info.ElementType!, reached, where);
            return $"{item}{(nullable ? "?" : string.Empty)}[]";
        }
        if (IsRecord(type))
        {
            reached(type);
            return type.Name;
        }
        throw new NotSupportedException($"{where} is a {type.Name}; say in ClrContracts how the wire writes it.");
    }
}
