using Microsoft.Data.Sqlite;

namespace DomainCall.Tests.Storage;

/// <summary>A fresh directory in the system's temp folder for one test's files, deleted when the test ends.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "domaincall-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] names) => System.IO.Path.Combine([Path, .. names]);

    public void Dispose()
    {
        // Pooled connections keep the database open, and an open file cannot be deleted on every system.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
