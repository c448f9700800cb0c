namespace CertGrid.Testing;

/// <summary>
/// Where the real servers the tests use are: Azurite and redis-server on 127.0.0.1, started by ./test.sh on
/// ports of their own. Run from an IDE, the defaults are the standard local ports that ./run.sh uses.
/// </summary>
public static class TestEnvironment
{
    public static string StorageConnectionString =>
        Environment.GetEnvironmentVariable("CERTGRID_TEST_STORAGE") is { Length: > 0 } value ? value : "UseDevelopmentStorage=true";

    public static string Redis =>
        Environment.GetEnvironmentVariable("CERTGRID_TEST_REDIS") is { Length: > 0 } value ? value : "127.0.0.1:6379";

    /// <summary>The SMTP port of maildev, which ./test.sh starts on BASE+4 (1025, ./run.sh's, from an IDE).</summary>
    public static int SmtpPort =>
        int.TryParse(Environment.GetEnvironmentVariable("CERTGRID_TEST_SMTP_PORT"), out var value) ? value : 1025;

    /// <summary>maildev's web inbox and REST API, which ./test.sh starts on BASE+5.</summary>
    public static Uri MailDev =>
        new(Environment.GetEnvironmentVariable("CERTGRID_TEST_MAILDEV") is { Length: > 0 } value ? value : "http://127.0.0.1:1080");

    /// <summary>
    /// The first of the ports this test run may use (<c>CERTGRID_TEST_PORT_BASE</c>, 20000 by default): ./test.sh puts
    /// Azurite and Redis on BASE..BASE+3; tests that need fixed, known ports take them from BASE+10 up.
    /// </summary>
    public static int PortBase =>
        int.TryParse(Environment.GetEnvironmentVariable("CERTGRID_TEST_PORT_BASE"), out var value) ? value : 20000;

    /// <summary>The repository root (for scripts and infra files the tests run).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CertGrid.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The repository root (with CertGrid.sln) was not found.");
        }
    }
}
