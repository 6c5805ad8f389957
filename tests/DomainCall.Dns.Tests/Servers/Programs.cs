using System.Diagnostics;

namespace DomainCall.Dns.Tests.Servers;

/// <summary>Finds and runs the DNS programs the tests use, and names the package to install when one is missing.</summary>
public static class Programs
{
    private static readonly string[] SearchPath =
    [
        .. (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries),
        "/usr/sbin",
        "/usr/bin",
        "/usr/local/sbin",
    ];

    /// <summary>Finds <paramref name="program"/>, or fails with the Debian package that installs it.</summary>
    public static string Find(string program, string package)
    {
        foreach (var folder in SearchPath)
        {
            var path = Path.Combine(folder, program);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException(
            $"'{program}' was not found, and the DNS tests need it to run a real server or client. Install the " +
            $"Debian package '{package}' (apt-get install -y {package}) and run the tests again.");
    }

    /// <summary>Runs <c>kdig</c> with the arguments and returns what it printed.</summary>
    public static async Task<string> KdigAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Find("kdig", "knot-dnsutils"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return await output + await error;
    }
}
