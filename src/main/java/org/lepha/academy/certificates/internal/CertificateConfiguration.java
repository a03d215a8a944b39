package org.lepha.academy.certificates.internal;

import org.lepha.academy.certificates.CertificateProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CertificateProperties.class, CertificateKeyProperties.class })
class CertificateConfiguration {

}
