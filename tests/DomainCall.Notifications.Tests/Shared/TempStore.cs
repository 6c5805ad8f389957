using Microsoft.Data.Sqlite;

namespace DomainCall.Notifications.Tests.Shared;

/// <summary>A real SQLite file in a folder of its own, removed afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly string _directory =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "domaincall-notify-" + Guid.NewGuid().ToString("N"));

    public TempStore()
    {
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "domaincall.db");
    }

    public string Path { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
