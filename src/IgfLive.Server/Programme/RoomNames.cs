using System.Globalization;
using System.Text;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Programme;

/// <summary>
/// How rooms are told apart and addressed: names compared ignoring case and runs of spaces, each room
/// given an id fit for an address ("Room XXIV" → "room-xxiv") that stays its own for the event's life.
/// </summary>
public static class RoomNames
{
    public const int MaxRooms = 200;

    /// <summary>The form two names of one room share.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();
    }

    /// <summary>The room of <paramref name="rooms"/> with this name, or null.</summary>
    public static EventRoom? Find(IEnumerable<EventRoom> rooms, string name)
    {
        var key = Key(name);
        return rooms.FirstOrDefault(r => Key(r.Name) == key);
    }

    /// <summary><paramref name="rooms"/> with every name of <paramref name="names"/> it lacks added, in order, each with a new id.</summary>
    public static List<EventRoom> With(IEnumerable<EventRoom> rooms, IEnumerable<string> names)
    {
        var all = rooms.ToList();
        foreach (var name in names)
        {
            if (Find(all, name) is null)
            {
                all.Add(new EventRoom(NewId(name, all), name.Trim()));
            }
        }
        return all;
    }

    /// <summary>The room whose id, or name, is <paramref name="idOrName"/>: pages address rooms by id, people type names.</summary>
    public static EventRoom? Resolve(IEnumerable<EventRoom> rooms, string idOrName)
    {
        var list = rooms.ToList();
        return list.FirstOrDefault(r => string.Equals(r.Id, idOrName, StringComparison.OrdinalIgnoreCase)) ?? Find(list, idOrName);
    }

    private static string NewId(string name, List<EventRoom> taken)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var id = slug.ToString().Trim('-');
        id = id.Length == 0 ? "room" : id[..Math.Min(id.Length, 60)].TrimEnd('-');
        var unique = id;
        for (var n = 2; taken.Any(r => string.Equals(r.Id, unique, StringComparison.Ordinal)); n++)
        {
            unique = string.Create(CultureInfo.InvariantCulture, $"{id}-{n}");
        }
        return unique;
    }
}
