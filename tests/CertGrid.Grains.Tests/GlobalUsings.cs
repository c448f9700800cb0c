global using CertGrid.Domain.Tenancy;
global using ErrorCode = CertGrid.Domain.Errors.ErrorCode;
global using CertGrid.Grains.Tests.Infrastructure;
global using Orleans;
