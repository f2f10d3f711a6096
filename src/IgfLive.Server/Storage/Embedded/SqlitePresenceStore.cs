namespace IgfLive.Server.Storage.Embedded;

/// <summary>
/// The single-node presence store. Who is online is not history: the nodes' reports live in this
/// process's memory (a restarted node starts with nobody connected anyway); only the peak is
/// written, to the session's row of <see cref="SqliteDatabase"/>.
/// </summary>
public sealed class SqlitePresenceStore(SqliteDatabase database) : IPresenceStore
{
    private readonly PresenceLeases _leases = new();

    public async Task<PresenceCount> ReportPresenceAsync(string sessionId, string nodeId, int online, TimeSpan lease, CancellationToken cancellationToken)
    {
        StoreArguments.Presence(sessionId, nodeId, online, lease);
        if (await ReadPeakAsync(sessionId, cancellationToken) is not { } peak)
        {
            return PresenceCount.None;
        }
        var total = _leases.Report(sessionId, nodeId, online, lease);
        // The peak only rises, so a total at or below the peak read above needs no write (and no fsync).
        if (total <= peak)
        {
            return new PresenceCount(total, peak);
        }
        return await database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE sessions SET peak_online = MAX(peak_online, $online) WHERE id = $id RETURNING peak_online;";
            command.Parameters.AddWithValue("$id", sessionId);
            command.Parameters.AddWithValue("$online", total);
            return new PresenceCount(total, await command.ExecuteScalarAsync(cancellationToken) is long stored ? (int)stored : total);
        }, cancellationToken);
    }

    public async Task<PresenceCount> GetPresenceAsync(string sessionId, CancellationToken cancellationToken)
    {
        StoreArguments.Session(sessionId);
        return await ReadPeakAsync(sessionId, cancellationToken) is { } peak
            ? new PresenceCount(_leases.Total(sessionId), peak)
            : PresenceCount.None;
    }

    /// <summary>The session's peak, or null when there is no such session.</summary>
    private async Task<int?> ReadPeakAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT peak_online FROM sessions WHERE id = $id;";
        command.Parameters.AddWithValue("$id", sessionId);
        return await command.ExecuteScalarAsync(cancellationToken) is long peak ? (int)peak : null;
    }
}
