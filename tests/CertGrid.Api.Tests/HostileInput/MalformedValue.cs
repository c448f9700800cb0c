namespace CertGrid.Api.Tests.HostileInput;

/// <summary>
/// A hostile value for one argument or input field. <see cref="MustBeRefused"/>: no correct server accepts it (a wrong
/// type, a missing value, text that is not Unicode, too big); otherwise (injection- or path-shaped text) accepting it
/// as plain text is fine, but it must never cause a 5xx or an uncoded error.
/// </summary>
public sealed record MalformedValue(string Category, object? Value, bool MustBeRefused);
