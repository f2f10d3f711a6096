namespace IgfLive.Server.Storage.Redis;

/// <summary>
/// The Lua scripts behind every write that must be atomic. Each touches only keys of one session
/// (one hash tag) or only one index key, so each runs unchanged on Redis Cluster. StackExchange.Redis
/// sends them by SHA after the first use and reloads them if the server forgot them.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// KEYS: events. ARGV: expected version, then the events as stored.
    /// Returns the new length on success, 0 for an unknown session, or minus the log's length when it
    /// is not at the expected version. The version check and the push are one step, so two writers
    /// can never both append event N.
    /// </summary>
    public const string Append = """
        local length = redis.call('LLEN', KEYS[1])
        if length == 0 then return 0 end
        if length ~= tonumber(ARGV[1]) then return -length end
        for i = 2, #ARGV do
            redis.call('RPUSH', KEYS[1], ARGV[i])
        end
        return length + #ARGV - 1
        """;

    /// <summary>
    /// KEYS: meta, events. ARGV: record JSON, created event as stored.
    /// Returns 1 when created, or when this exact record already exists (a retried create that had
    /// landed), else 0: the id belongs to another session.
    /// </summary>
    public const string Create = """
        local existing = redis.call('HGET', KEYS[1], 'record')
        if existing then
            if existing == ARGV[1] then return 1 end
            return 0
        end
        if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'record', ARGV[1])
        redis.call('RPUSH', KEYS[2], ARGV[2])
        return 1
        """;

    /// <summary>
    /// KEYS: codes. ARGV: code field, session id. Claims the code for the session; 1 when it is (or
    /// already was) this session's, 0 when another session holds it. Repeating it changes nothing.
    /// </summary>
    public const string ClaimCode = """
        local holder = redis.call('HGET', KEYS[1], ARGV[1])
        if not holder then
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return 1
        end
        if holder == ARGV[2] then return 1 end
        return 0
        """;

    /// <summary>KEYS: codes. ARGV: code field, session id. Gives the code up only if this session holds it.</summary>
    public const string ReleaseCode = """
        if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
            return redis.call('HDEL', KEYS[1], ARGV[1])
        end
        return 0
        """;

    /// <summary>
    /// KEYS: meta, online. ARGV: node id, participants online on that node, lease in milliseconds.
    /// Stores the node's count until the lease ends (0 removes it), drops other nodes' expired
    /// counts, raises the peak to the total if lower, and returns { total, peak }; { 0, 0 } for an
    /// unknown session. Lease times are Redis's own clock, so the nodes' clocks need not agree. The
    /// same report sent twice leaves the same result.
    /// </summary>
    public const string ReportPresence = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return {0, 0} end
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        local online = tonumber(ARGV[2])
        if online > 0 then
            redis.call('HSET', KEYS[2], ARGV[1], online .. ':' .. (now + tonumber(ARGV[3])))
        else
            redis.call('HDEL', KEYS[2], ARGV[1])
        end
        local total = 0
        local reports = redis.call('HGETALL', KEYS[2])
        for i = 1, #reports, 2 do
            local count, expires = string.match(reports[i + 1], '^(%d+):(%d+)$')
            if count and tonumber(expires) > now then
                total = total + tonumber(count)
            else
                redis.call('HDEL', KEYS[2], reports[i])
            end
        end
        local peak = tonumber(redis.call('HGET', KEYS[1], 'peak') or '0')
        if total > peak then
            peak = total
            redis.call('HSET', KEYS[1], 'peak', peak)
        end
        return {total, peak}
        """;

    /// <summary>KEYS: meta, online. Returns { total of the current reports, peak } without changing anything.</summary>
    public const string ReadPresence = """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        local total = 0
        local reports = redis.call('HGETALL', KEYS[2])
        for i = 1, #reports, 2 do
            local count, expires = string.match(reports[i + 1], '^(%d+):(%d+)$')
            if count and tonumber(expires) > now then
                total = total + tonumber(count)
            end
        end
        return {total, tonumber(redis.call('HGET', KEYS[1], 'peak') or '0')}
        """;

    /// <summary>
    /// KEYS: snapshot, events. ARGV: version, state. Stores the snapshot only if the log reaches that
    /// version and no snapshot at that version or later is stored; returns 1 when stored, else 0.
    /// </summary>
    public const string SaveSnapshot = """
        local length = redis.call('LLEN', KEYS[2])
        local version = tonumber(ARGV[1])
        if length == 0 or version > length then return 0 end
        local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
        if version <= current then return 0 end
        redis.call('HSET', KEYS[1], 'version', ARGV[1], 'state', ARGV[2])
        return 1
        """;

    /// <summary>
    /// KEYS: an event's meta. ARGV: record JSON, programme JSON. Creates the event at version 0; 1 when
    /// created or when this exact record already exists (a retried create that had landed), else 0.
    /// </summary>
    public const string CreateEvent = """
        local existing = redis.call('HGET', KEYS[1], 'record')
        if existing then
            if existing == ARGV[1] then return 1 end
            return 0
        end
        redis.call('HSET', KEYS[1], 'record', ARGV[1], 'version', 0, 'programme', ARGV[2])
        return 1
        """;

    /// <summary>
    /// KEYS: an event's meta. ARGV: new version, programme JSON. Writes the programme only when the
    /// stored version is the one before; 1 when written, or when this exact programme is already
    /// stored at this version (a retried save that had landed); 0 otherwise (another save won, or no event).
    /// </summary>
    public const string SaveProgramme = """
        local version = redis.call('HGET', KEYS[1], 'version')
        if version and tonumber(version) == tonumber(ARGV[1]) and redis.call('HGET', KEYS[1], 'programme') == ARGV[2] then return 1 end
        if not version or tonumber(version) ~= tonumber(ARGV[1]) - 1 then return 0 end
        redis.call('HSET', KEYS[1], 'version', ARGV[1], 'programme', ARGV[2])
        return 1
        """;
}
