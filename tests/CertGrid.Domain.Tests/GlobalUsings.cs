global using Bogus;
global using CertGrid.Domain.Errors;
global using CertGrid.Domain.Programs;
global using CertGrid.Domain.Tests.Support;
