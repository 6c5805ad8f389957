using System.Diagnostics;
using System.Globalization;
using DomainCall.Testing;

namespace DomainCall.Tests.Callbacks;

/// <summary>
/// The callback test site (tests/DomainCall.CallbackHost) running as a process of its own, so that a test can kill
/// it with SIGKILL, as a crash would, and start it again on the same SQLite file.
/// </summary>
public sealed class CallbackHostProcess : IDisposable
{
    private readonly Process _process;

    private CallbackHostProcess(Process process, string baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public string BaseAddress { get; }

    public static async Task<CallbackHostProcess> StartAsync(string storePath)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var host = Path.GetFullPath(Path.Combine(
            testBin.FullName, "..", "..", "..", "..", "DomainCall.CallbackHost", "bin", testBin.Parent!.Name,
            testBin.Name, "DomainCall.CallbackHost.dll"));
        Assert.True(File.Exists(host), $"The callback host was not built at {host}.");

        var port = FreeLoopbackPort.Find();
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     host, storePath, port.ToString(CultureInfo.InvariantCulture),
                     FreeLoopbackPort.Find().ToString(CultureInfo.InvariantCulture),
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo)!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (line != "ready")
        {
            var errors = await process.StandardError.ReadToEndAsync();
            process.Kill(entireProcessTree: true);
            process.Dispose();
            Assert.Fail($"The callback host did not start: {line} {errors}");
        }

        return new CallbackHostProcess(process, $"http://127.0.0.1:{port}");
    }

    /// <summary>Kills the process at once, with SIGKILL on Linux: nothing of it runs after this.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
