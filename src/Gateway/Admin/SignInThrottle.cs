using System.Collections.Concurrent;

namespace Gateway.Admin;

/// <summary>
/// Lockout for password guessing, per client and for everyone. A client that failed <see cref="FreeFailures"/>
/// times waits 30 s, then 1, 2, 4 … minutes, up to 15 minutes, before its next try is even checked; when all clients together
/// fail more than <see cref="GlobalFailuresPerMinute"/> times a minute, every sign-in waits out the minute. At most
/// <see cref="ConcurrentChecks"/> password hashes (PBKDF2, deliberately slow) are computed at once, and a refused
/// try is answered at once (429 with Retry-After) rather than by a delay, so 32 parallel guessers hold neither
/// threads nor CPU that other requests need.
/// </summary>
internal sealed class SignInThrottle(TimeProvider time)
{
    /// <summary>Failures a client may have before its backoff starts.</summary>
    public const int FreeFailures = 5;

    /// <summary>Failures of all clients in a minute after which every sign-in waits.</summary>
    public const int GlobalFailuresPerMinute = 60;

    /// <summary>Password checks computed at the same time.</summary>
    public const int ConcurrentChecks = 2;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Until)> _clients = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _checks = new(ConcurrentChecks, ConcurrentChecks);
    private readonly Lock _lock = new();
    private DateTimeOffset _windowStart;
    private int _windowFailures;

    /// <summary>Zero when <paramref name="client"/> may try now, otherwise how long it must wait.</summary>
    public TimeSpan RetryAfter(string client)
    {
        var now = time.GetUtcNow();
        var wait = _clients.TryGetValue(client, out var state) && state.Until > now ? state.Until - now : TimeSpan.Zero;
        lock (_lock)
        {
            if (_windowFailures >= GlobalFailuresPerMinute && _windowStart + TimeSpan.FromMinutes(1) > now)
            {
                var global = _windowStart + TimeSpan.FromMinutes(1) - now;
                wait = global > wait ? global : wait;
            }
        }

        return wait;
    }

    /// <summary>
    /// Runs <paramref name="check"/> (the password verification) when a slot is free; null when all are busy
    /// (the caller answers 429), else the check's result, recorded as a failure or success for <paramref name="client"/>.
    /// </summary>
    public async Task<bool?> CheckAsync(string client, Func<bool> check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!await _checks.WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        bool ok;
        try
        {
            ok = check();
        }
        finally
        {
            _checks.Release();
        }

        if (ok)
        {
            _clients.TryRemove(client, out _);
        }
        else
        {
            RecordFailure(client);
        }

        return ok;
    }

    private void RecordFailure(string client)
    {
        var now = time.GetUtcNow();
        _clients.AddOrUpdate(client, _ => (1, now), (_, s) =>
        {
            var failures = s.Failures + 1;
            var backoff = failures <= FreeFailures ? TimeSpan.Zero : TimeSpan.FromSeconds(30 * Math.Pow(2, Math.Min(failures - FreeFailures - 1, 10)));
            return (failures, now + (backoff > MaxBackoff ? MaxBackoff : backoff));
        });
        lock (_lock)
        {
            if (_windowStart + TimeSpan.FromMinutes(1) <= now)
            {
                (_windowStart, _windowFailures) = (now, 0);
            }

            _windowFailures++;
        }

        if (_clients.Count > 10_000)
        {
            // Many guessers from many addresses: forget the ones whose backoff ran out long ago.
            foreach (var (key, state) in _clients)
            {
                if (state.Until + MaxBackoff < now)
                {
                    _clients.TryRemove(key, out _);
                }
            }
        }
    }
}
