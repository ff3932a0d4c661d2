package org.inclusionmatch.profile.common.validation;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

import java.lang.annotation.ElementType;

/**
 * Bean Validation walks every property it is asked to: what it validates here are request and response records, never
 * entities with lazy associations (Hibernate ORM validates entities with a traversal check of its own). The default,
 * JPA-aware check and its per-validation cache were a quarter of the service's processor time while storing a batch of
 * 500 recommendation sets (JFR during a re-match, issue 23), asked again for every property of every item.
 */
@Singleton
public class TraverseEverything implements TraversableResolver, ValidatorFactoryCustomizer {

    @Override
    public boolean isReachable(Object bean, Path.Node property, Class<?> rootBean, Path pathToProperty, ElementType type) {
        return true;
    }

    @Override
    public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBean, Path pathToProperty, ElementType type) {
        return true;
    }

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.traversableResolver(this).enableTraversableResolverResultCache(false);
    }
}
