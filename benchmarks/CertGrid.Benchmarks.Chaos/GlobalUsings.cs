global using CertGrid.Api.Tests.Faults;
global using CertGrid.Api.Tests.Infrastructure;
