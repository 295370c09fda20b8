using Npgsql;

namespace Gateway.Acceptance.Tests;

/// <summary>The PostgreSQL of <c>GATEWAY_TEST_POSTGRES</c> (a connection string; <c>.ci/run</c> starts Debian's
/// PostgreSQL and sets it): tests that need it skip, with the reason, when it is not set or does not answer.</summary>
internal static class TestPostgres
{
    public const string Variable = "GATEWAY_TEST_POSTGRES";

    /// <summary>The connection string, or why there is none.</summary>
    public static async Task<(string? Connection, string SkipReason)> ConnectionAsync()
    {
        var connection = System.Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            return (null, $"{Variable} is not set (.ci/run starts PostgreSQL and sets it)");
        }

        try
        {
            await using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Timeout = 15 }.ConnectionString);
            await db.OpenAsync();
            return (connection, "");
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return (null, $"PostgreSQL at {Variable} does not answer: {e.Message}");
        }
    }

    /// <summary>Drops a test's own schema.</summary>
    public static async Task DropSchemaAsync(string connection, string schema)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", db);
        await drop.ExecuteNonQueryAsync();
    }
}
