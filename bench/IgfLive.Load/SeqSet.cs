namespace IgfLive.Load;

/// <summary>A growable bit set of sequence numbers: a few bytes per client for hundreds of events.</summary>
internal struct SeqSet
{
    private ulong[]? _bits;

    /// <summary>Adds <paramref name="seq"/>; false when it was already there.</summary>
    public bool Add(long seq)
    {
        var word = (int)(seq >> 6);
        if (_bits is null || word >= _bits.Length)
        {
            Array.Resize(ref _bits, Math.Max(word + 1, (_bits?.Length ?? 0) * 2));
        }
        var mask = 1UL << (int)(seq & 63);
        if ((_bits[word] & mask) != 0)
        {
            return false;
        }
        _bits[word] |= mask;
        return true;
    }

    public readonly bool Contains(long seq)
    {
        var word = (int)(seq >> 6);
        return _bits is not null && word < _bits.Length && (_bits[word] & (1UL << (int)(seq & 63))) != 0;
    }

    /// <summary>The highest n such that 1…n are all present (given that everything up to <paramref name="floor"/> counts as present).</summary>
    public readonly long ContiguousFrom(long floor)
    {
        var n = floor;
        while (Contains(n + 1))
        {
            n++;
        }
        return n;
    }

    /// <summary>How many of <paramref name="from"/>…<paramref name="to"/> are missing.</summary>
    public readonly long Missing(long from, long to)
    {
        long missing = 0;
        for (var s = from; s <= to; s++)
        {
            if (!Contains(s))
            {
                missing++;
            }
        }
        return missing;
    }
}
