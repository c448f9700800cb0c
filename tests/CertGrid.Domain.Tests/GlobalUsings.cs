global using Bogus;
global using CertGrid.Domain.Errors;
global using CertGrid.Domain.Programs;
global using CertGrid.Domain.Tests.Support;
// Orleans has its own ErrorCode enum (its SDK adds a global using); ours is the one under test.
global using ErrorCode = CertGrid.Domain.Errors.ErrorCode;
