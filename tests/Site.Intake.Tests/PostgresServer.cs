using System.Diagnostics;
using Npgsql;

namespace Site.Intake.Tests;

/// <summary>
/// A real PostgreSQL started by the test run: initdb into a temp folder, postgres on 127.0.0.1 on a
/// free port, stopped and removed afterwards. Run as user postgres when the tests run as root
/// (postgres refuses root). Each test asks for its own empty database. Without PostgreSQL installed
/// (<see cref="PostgresPrerequisite"/>) it starts nothing and the tests that need it are skipped.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pg-test-" + Guid.NewGuid().ToString("N")[..10]);
    private string _bin = "";
    private int _port;

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Timeout=10";

    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task InitializeAsync()
    {
        if (PostgresPrerequisite.Binaries is not { } bin)
        {
            return; // every test of the collection is reported as skipped (PostgresFact)
        }

        _bin = bin;
        _port = IntakeProcess.FreePort();
        Directory.CreateDirectory(_folder);
        var data = Path.Combine(_folder, "data");
        if (Environment.UserName == "root")
        {
            Run("chown", $"postgres {_folder}");
        }

        Run(Path.Combine(_bin, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync", asPostgres: true);
        Start();
        await Task.CompletedTask;
    }

    /// <summary>Starts the server (again) on the same data and port; this process's pooled connections to a stopped one are dropped.</summary>
    public void Start()
    {
        Run(Path.Combine(_bin, "pg_ctl"),
            $"-D {Path.Combine(_folder, "data")} -l {_folder}/server.log -w -t 60 -o \"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on\" start",
            asPostgres: true);
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Stops the server as an operator would (fast: sessions are ended, open transactions rolled back).</summary>
    public void Stop() => Run(Path.Combine(_bin, "pg_ctl"), $"-D {Path.Combine(_folder, "data")} -m fast -w stop", asPostgres: true);

    public Task DisposeAsync()
    {
        if (_bin.Length == 0)
        {
            return Task.CompletedTask;
        }

        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), $"-D {Path.Combine(_folder, "data")} -m immediate -w stop", asPostgres: true);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static void Run(string file, string arguments, bool asPostgres = false)
    {
        var root = Environment.UserName == "root";
        var info = asPostgres && root
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = "/tmp";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({(process.HasExited ? process.ExitCode : -1)}): {output.Result}{error.Result}");
        }
    }
}

[CollectionDefinition(nameof(PostgresServer))]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;
