using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CertGrid.Api.Tests.Infrastructure;

/// <summary>Keeps what a test server logs at Information and above, so tests can check what operators are told.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyCollection<(LogLevel Level, string Category, string Message)> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && (category.StartsWith("CertGrid", StringComparison.Ordinal) || logLevel >= LogLevel.Error);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                capture._entries.Enqueue((logLevel, category, formatter(state, exception)));
            }
        }
    }
}
